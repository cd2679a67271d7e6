//! Demo learners: plausible Chinese names and the two traits that shape
//! everything they do (how well they answer, how far they get).

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高",
];
const GIVEN: &[&str] = &[
    "晓雯", "子涵", "浩然", "思远", "欣怡", "俊杰", "雨桐", "梓萱", "明轩", "佳怡", "一诺", "诗涵", "宇航", "嘉懿",
    "若曦", "文博", "婉清", "天佑", "可欣", "志强", "海燕", "建华", "丽娟", "晨阳",
];

/// One simulated learner.
#[derive(Debug, Clone)]
pub(super) struct Persona {
    pub name: String,
    /// Chance of answering an average question correctly (0.45–0.95).
    pub ability: f64,
    /// Share of each course's modules the learner works through (0.3–1.0).
    pub reach: f64,
}

/// `count` personas; names get a number when the pool repeats, because
/// study units are matched by name.
pub(super) fn personas(rng: &mut ChaCha8Rng, count: usize) -> Vec<Persona> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    (0..count)
        .map(|_| {
            let base =
                format!("{}{}", SURNAMES[rng.random_range(0..SURNAMES.len())], GIVEN[rng.random_range(0..GIVEN.len())]);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let name = if *n == 1 { base } else { format!("{base}{n}") };
            // Most of a class finishes everything; the rest drop out somewhere.
            let reach = if rng.random_bool(0.6) { 1.0 } else { rng.random_range(0.3..1.0) };
            Persona { name, ability: rng.random_range(0.45..0.95), reach }
        })
        .collect()
}
