//! What demo learners write and what the demo instructor says back: short,
//! believable Chinese texts assembled from a few parts.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

const OPENINGS: &[&str] = &[
    "我负责的是一个 300 人左右的本地宝妈社群，",
    "我们门店的会员群目前有 480 人，",
    "我所在团队运营一个读书打卡社群，",
    "我们的客户群以 25–35 岁上班族为主，",
];
const PLANS: &[&str] = &[
    "先用入群问卷明确成员需求，再把群规和栏目固定下来：周一干货、周三互动话题、周五福利。",
    "计划用 7 天打卡活动拉动活跃，每天 20:00 发布任务，由两名群助手跟进提醒。",
    "把老用户分成三层：核心用户邀请做群管理，活跃用户参与共创，沉默用户一对一回访。",
    "每月一次线上分享会，会前预热、会中抽奖、会后发纪要，并统计到场率和转化。",
];
const MEASURES: &[&str] = &[
    "效果用周活跃率、消息数和复购率三个指标衡量，每周复盘一次。",
    "目标是一个月内活跃率从 12% 提到 20%，新增粉丝 150 人。",
    "数据每周导出一次，和上月同期对比，找出掉粉高峰的原因。",
];

/// A submission for `task`; stronger learners write more and measure results.
pub(super) fn submission(rng: &mut ChaCha8Rng, task: &str, ability: f64) -> String {
    let mut text = format!("## {task}\n\n{}{}", pick(rng, OPENINGS), pick(rng, PLANS));
    if ability > 0.6 {
        text.push_str(&format!("\n\n{}", pick(rng, PLANS)));
    }
    if ability > 0.7 {
        text.push_str(&format!("\n\n### 效果衡量\n\n{}", pick(rng, MEASURES)));
    }
    text
}

/// A comment on a criterion that did not reach its top level.
pub(super) fn criterion_comment(rng: &mut ChaCha8Rng, criterion: &str) -> String {
    const ADVICE: &[&str] = &[
        "可以再具体一些，写清楚负责人和时间。",
        "建议补充数据指标和复盘方式。",
        "思路对了，例子再贴近自己的社群会更好。",
    ];
    format!("「{criterion}」：{}", pick(rng, ADVICE))
}

/// Overall feedback matching how good the work was.
pub(super) fn feedback(ability: f64) -> &'static str {
    if ability > 0.8 {
        "完成得很好，方案完整，数据意识强。"
    } else if ability > 0.6 {
        "整体结构清楚，个别环节还可以更具体。"
    } else {
        "方向是对的，请对照评分标准补充执行细节和衡量指标后再试一次。"
    }
}

/// A learner's comment on the course survey: the better it went for them,
/// the more their wish is about going further rather than catching up.
pub(super) fn survey_comment(rng: &mut ChaCha8Rng, ability: f64) -> &'static str {
    const GOING_FURTHER: &[&str] = &[
        "希望增加一节讲社群数据复盘的实操课，用真实门店的数据练一遍。",
        "案例很有用，想再看几个不同行业的对比案例。",
        "模板可以直接用，建议补充活动预算的测算方法。",
    ];
    const CATCHING_UP: &[&str] = &[
        "有几个指标的公式一开始没看懂，希望多配几道分步骤的例题。",
        "课程节奏有点快，希望每课后面有一页要点小结。",
        "实操作业的要求可以再写得具体一些，给一个合格范例。",
    ];
    pick(rng, if ability > 0.7 { GOING_FURTHER } else { CATCHING_UP })
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}
