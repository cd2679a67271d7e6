//! A synthetic but realistic course pack for benchmarks: Chinese Markdown
//! modules (headings, tables, lists, task lists, quotes, footnotes, images)
//! of a chosen size, a question bank and a quiz per module, practice tasks
//! with a rubric, and twelve business-metric templates.
//!
//! Everything is drawn from a seeded ChaCha8 stream, so the same options
//! always write byte-identical files: a benchmark run can be repeated, and a
//! regression can be traced to code rather than to different content.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackOptions {
    /// Folder name under `courses/` and `quizzes/`; also the course id's suffix.
    pub slug: String,
    /// Number of modules, each with a bank of six questions and a quiz.
    pub modules: usize,
    /// Size each module's Markdown grows to (bytes of UTF-8, front matter included).
    pub module_bytes: usize,
    /// Seeds the ChaCha8 stream: the same options always write byte-identical files.
    pub seed: u64,
}

impl PackOptions {
    /// `modules` modules of about 10 KB each.
    pub fn new(modules: usize, seed: u64) -> Self {
        Self { slug: "bench".into(), modules, module_bytes: 10_000, seed }
    }
}

/// What was written, for callers that need to find things in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedPack {
    /// The pack folder (holding `courses/` and `quizzes/`): the `out` given to [`generate`].
    pub root: PathBuf,
    /// The course's id, `synthetic.<slug>`.
    pub course_id: String,
    /// Module ids in course order.
    pub module_ids: Vec<String>,
    /// Quiz ids in course order (one per module).
    pub quiz_ids: Vec<String>,
    /// Paths of the module Markdown files, in course order.
    pub module_files: Vec<PathBuf>,
    /// Questions in the pack's banks: six per module.
    pub questions: usize,
}

/// Why [`generate`] could not write a pack.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// Zero modules were asked for.
    #[error("--modules must be at least 1")]
    NoModules,
    /// The output folder already holds files.
    #[error("{path} already exists and is not empty: choose an empty or new folder")]
    NotEmpty {
        /// The output folder given.
        path: PathBuf,
    },
    /// A file or folder of the pack could not be created or written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file or folder being created or written.
        path: PathBuf,
        /// What the operating system reported.
        source: std::io::Error,
    },
}

/// Question ids of one module's bank, in bank order.
const QUESTIONS_PER_MODULE: usize = 6;
/// How many distinct chart images the modules share.
const CHARTS: usize = 8;

/// Writes the pack into `out` (created if needed; it must be empty).
pub fn generate(options: &PackOptions, out: &Path) -> Result<GeneratedPack, GenError> {
    if options.modules == 0 {
        return Err(GenError::NoModules);
    }
    if out.read_dir().map(|mut entries| entries.next().is_some()).unwrap_or(false) {
        return Err(GenError::NotEmpty { path: out.to_path_buf() });
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let slug = &options.slug;
    let course_dir = out.join("courses").join(slug);
    let quiz_dir = out.join("quizzes").join(slug);
    let course_id = format!("synthetic.{slug}");

    let modules: Vec<ModulePlan> = (0..options.modules).map(|i| ModulePlan::draw(&mut rng, i)).collect();
    let mut module_files = Vec::with_capacity(modules.len());
    for module in &modules {
        let path = course_dir.join("modules").join(module.file_name());
        write(&path, &module_markdown(&mut rng, module, options.module_bytes))?;
        module_files.push(path);
    }
    for chart in 0..CHARTS {
        write(&course_dir.join("assets").join(format!("chart-{chart:02}.svg")), &chart_svg(&mut rng, chart))?;
    }
    write(&course_dir.join("course.toml"), &manifest(&course_id, slug, &modules))?;
    for module in &modules {
        write(&quiz_dir.join("banks").join(format!("{}.toml", module.id)), &bank(&mut rng, module))?;
    }
    write(&quiz_dir.join("quizzes").join("modules.toml"), &quizzes(&modules))?;
    write(&quiz_dir.join("tasks.toml"), &tasks(&modules))?;
    write(&quiz_dir.join("rubrics.toml"), RUBRICS)?;
    write(&quiz_dir.join("metrics.toml"), &metrics())?;

    Ok(GeneratedPack {
        root: out.to_path_buf(),
        course_id,
        module_ids: modules.iter().map(|m| m.id.clone()).collect(),
        quiz_ids: modules.iter().map(|m| m.quiz_id()).collect(),
        module_files,
        questions: modules.len() * QUESTIONS_PER_MODULE,
    })
}

fn write(path: &Path, text: &str) -> Result<(), GenError> {
    let fail = |source| GenError::Write { path: path.to_path_buf(), source };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    std::fs::write(path, text).map_err(fail)
}

fn pick<'a, T: ?Sized>(rng: &mut ChaCha8Rng, items: &'a [&'a T]) -> &'a T {
    items[below(rng, items.len())]
}

/// A uniform-enough index below `n` (the modulo bias of a 64-bit word is
/// irrelevant for synthetic text).
fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    (rng.next_u64() % n as u64) as usize
}

fn between(rng: &mut ChaCha8Rng, low: usize, high: usize) -> usize {
    low + below(rng, high - low + 1)
}

// ------------------------------------------------------------- vocabulary

/// Topics, each with the words its text and questions revolve around.
pub const TOPIC_WORDS: &[(&str, &[&str])] = &[
    ("社群定位", &["目标人群", "价值主张", "差异化", "用户画像"]),
    ("私域流量", &["公域引流", "企业微信", "复购", "触达成本"]),
    ("裂变增长", &["邀请奖励", "拼团", "转介绍", "裂变海报"]),
    ("内容日历", &["选题", "发布节奏", "节日营销", "内容复用"]),
    ("活动策划", &["活动预算", "报名转化", "直播预告", "复盘"]),
    ("数据复盘", &["活跃率", "留存率", "转化率", "同期群"]),
    ("危机处理", &["负面舆情", "统一口径", "致歉声明", "响应时效"]),
    ("成员分层", &["核心用户", "积分体系", "等级权益", "沉默成员"]),
    ("转化漏斗", &["曝光", "点击", "咨询", "成交"]),
    ("群规设计", &["入群欢迎语", "奖惩机制", "广告治理", "群公告"]),
    ("短视频引流", &["短视频脚本", "评论区运营", "主页装修", "私信转化"]),
    ("直播带货", &["直播话术", "福利款", "库存预警", "售后跟进"]),
    ("KOC 培养", &["意见领袖", "种草笔记", "共创", "荣誉激励"]),
    ("渠道追踪", &["渠道码", "带参二维码", "归因", "渠道质量"]),
    ("本地生活", &["到店核销", "团购券", "商圈", "门店社群"]),
    ("知识付费", &["训练营", "打卡", "作业点评", "续费率"]),
];

const ANGLES: &[&str] = &["从零到一", "实操要点", "常见误区", "数据方法", "工具与模板", "进阶策略"];
const BRANDS: &[&str] =
    &["社区烘焙店", "母婴品牌", "健身工作室", "茶饮连锁", "考研机构", "美妆新锐", "县域农产", "宠物用品店"];
const SUBJECTS: &[&str] = &[
    "运营者",
    "新入群的成员",
    "品牌方",
    "群主",
    "社群管理员",
    "核心用户",
    "门店店长",
    "内容编辑",
    "客服团队",
    "项目负责人",
];
const ACTIONS: &[&str] = &[
    "需要先明确",
    "应当每周复盘",
    "可以通过小范围试点验证",
    "最容易忽视",
    "要用数据说明",
    "应该写进运营方案的",
    "在活动开始前就要规划好",
    "每天都要留意",
];
const OBJECTS: &[&str] = &[
    "入群欢迎语",
    "群规与奖惩机制",
    "内容发布节奏",
    "渠道来源",
    "转化路径",
    "用户反馈",
    "积分与等级",
    "话题策划",
    "活动预算",
    "服务响应时间",
];
const REASONS: &[&str] = &[
    "这样成员才知道社群为什么值得留下来。",
    "否则很容易把一时的热闹误当成效果。",
    "因为口径不统一，数字就失去了可比性。",
    "一旦出现问题，可以很快定位原因。",
    "这也是向上汇报时最有说服力的依据。",
    "把经验沉淀成模板，下一次就能少走弯路。",
    "成员感受到被重视，才会主动参与讨论。",
    "小步快跑、及时调整，比一次做成大方案更稳妥。",
];
const HEADINGS: &[&str] =
    &["为什么重要", "核心概念", "操作步骤", "关键指标", "常见问题", "工具清单", "案例分析", "检查清单", "复盘要点"];
const NUMERALS: &[&str] =
    &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
const METRIC_NAMES: &[&str] =
    &["新增人数", "日活跃率", "7 日留存率", "人均消息数", "转化率", "复购率", "客单价", "退群人数"];

// ---------------------------------------------------------------- modules

/// One module's identity, decided before its text is written.
struct ModulePlan {
    number: usize,
    id: String,
    kind: &'static str,
    topic: usize,
    title: String,
}

impl ModulePlan {
    fn draw(rng: &mut ChaCha8Rng, index: usize) -> Self {
        let number = index + 1;
        // Seven theory modules, two practice and one case in every ten, like the shipped course.
        let kind = match index % 10 {
            7 | 8 => "practice",
            9 => "case",
            _ => "theory",
        };
        let topic = below(rng, TOPIC_WORDS.len());
        let name = TOPIC_WORDS[topic].0;
        let title = match kind {
            "case" => format!("案例：{}的{name}", pick(rng, BRANDS)),
            "practice" => format!("实操：{name}演练"),
            _ => format!("{name}：{}", pick(rng, ANGLES)),
        };
        Self { number, id: format!("m{number:04}"), kind, topic, title }
    }

    fn file_name(&self) -> String {
        format!("{:04}-{}.md", self.number, self.kind)
    }

    fn quiz_id(&self) -> String {
        format!("quiz-{}", self.id)
    }

    fn task_id(&self) -> Option<String> {
        (self.kind == "practice").then(|| format!("task-{}", self.id))
    }

    fn terms(&self) -> &'static [&'static str] {
        TOPIC_WORDS[self.topic].1
    }
}

fn module_markdown(rng: &mut ChaCha8Rng, module: &ModulePlan, target_bytes: usize) -> String {
    let name = TOPIC_WORDS[module.topic].0;
    let mut md = String::with_capacity(target_bytes + 2_000);
    let tasks = module.task_id().map(|t| format!("\"{t}\"")).unwrap_or_default();
    let _ = write!(
        md,
        "+++\nid = \"{}\"\nkind = \"{}\"\ntitle = \"{}\"\nminutes = {}\nobjectives = [\n  \"说清{name}的核心概念和适用场景\",\n  \
         \"按步骤完成一次{name}的实际操作\",\n  \"用数据评估{name}的效果并提出改进\",\n]\nquizzes = [\"{}\"]\ntasks = [{tasks}]\n+++\n\n",
        module.id,
        module.kind,
        module.title,
        between(rng, 20, 60),
        module.quiz_id(),
    );
    let _ = writeln!(md, "# {}\n", module.title);
    paragraph(rng, module, &mut md);
    let mut section = 0;
    while md.len() < target_bytes {
        let heading = HEADINGS[section % HEADINGS.len()];
        let numeral = NUMERALS[section % NUMERALS.len()];
        let _ = writeln!(md, "## {numeral}、{name}{heading}\n");
        paragraph(rng, module, &mut md);
        match section % 6 {
            0 => bullet_list(rng, module, &mut md),
            1 => metric_table(rng, &mut md),
            2 => steps(rng, module, &mut md),
            3 => {
                let chart = below(rng, CHARTS);
                let _ = writeln!(md, "![{name}数据示意图](../assets/chart-{chart:02}.svg)\n");
                let _ = writeln!(md, "> **提示**：{}\n", sentence(rng, module));
            }
            4 => checklist(rng, module, &mut md),
            _ => {
                let _ = writeln!(md, "### 小结\n");
                paragraph(rng, module, &mut md);
            }
        }
        section += 1;
    }
    let _ = writeln!(
        md,
        "本课数据均为教学示例[^note]。\n\n[^note]: 示例数据由基准测试生成器按固定种子生成，仅用于演示计算方法。"
    );
    md
}

fn sentence(rng: &mut ChaCha8Rng, module: &ModulePlan) -> String {
    let term = pick(rng, module.terms());
    match below(rng, 4) {
        0 => {
            let members = between(rng, 80, 480);
            let active = between(rng, 5, members / 4);
            format!(
                "以一个 {members} 人的群为例，某天有 {active} 人发言，当天的日活跃率约为 {:.1}%，{}",
                active as f64 * 100.0 / members as f64,
                pick(rng, REASONS)
            )
        }
        1 => format!(
            "围绕**{term}**，{}{}{}，{}",
            pick(rng, SUBJECTS),
            pick(rng, ACTIONS),
            pick(rng, OBJECTS),
            pick(rng, REASONS)
        ),
        _ => format!(
            "{}{}{term}和{}，{}",
            pick(rng, SUBJECTS),
            pick(rng, ACTIONS),
            pick(rng, OBJECTS),
            pick(rng, REASONS)
        ),
    }
}

fn paragraph(rng: &mut ChaCha8Rng, module: &ModulePlan, md: &mut String) {
    for _ in 0..between(rng, 2, 3) {
        for _ in 0..between(rng, 3, 5) {
            md.push_str(&sentence(rng, module));
        }
        md.push_str("\n\n");
    }
}

fn bullet_list(rng: &mut ChaCha8Rng, module: &ModulePlan, md: &mut String) {
    for _ in 0..between(rng, 4, 6) {
        let _ = writeln!(md, "- **{}**：{}", pick(rng, module.terms()), sentence(rng, module));
    }
    md.push('\n');
}

fn steps(rng: &mut ChaCha8Rng, module: &ModulePlan, md: &mut String) {
    for step in 1..=between(rng, 3, 5) {
        let _ = writeln!(md, "{step}. {}{}。", pick(rng, ACTIONS), pick(rng, OBJECTS));
    }
    md.push('\n');
    let _ = writeln!(md, "{}\n", sentence(rng, module));
}

fn checklist(rng: &mut ChaCha8Rng, module: &ModulePlan, md: &mut String) {
    for _ in 0..between(rng, 3, 5) {
        let done = if below(rng, 3) == 0 { "x" } else { " " };
        let _ = writeln!(
            md,
            "- [{done}] 检查{}是否已经{}",
            pick(rng, OBJECTS),
            pick(rng, &["写清口径", "分配负责人", "设定截止时间", "留存记录"])
        );
    }
    md.push('\n');
    let _ = writeln!(md, "{}\n", sentence(rng, module));
}

fn metric_table(rng: &mut ChaCha8Rng, md: &mut String) {
    md.push_str("| 指标 | 第 1 周 | 第 2 周 | 变化 |\n|---|---:|---:|---:|\n");
    for _ in 0..between(rng, 4, 6) {
        let first = between(rng, 20, 900) as f64;
        let second = first * (0.8 + (below(rng, 50) as f64) / 100.0);
        let _ = writeln!(
            md,
            "| {} | {first:.0} | {second:.0} | {:+.1}% |",
            pick(rng, METRIC_NAMES),
            (second - first) / first * 100.0
        );
    }
    md.push('\n');
}

/// A small bar chart; bars differ per chart so the files are not identical.
fn chart_svg(rng: &mut ChaCha8Rng, chart: usize) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"160\" viewBox=\"0 0 320 160\">\n\
         <title>示意图 {}</title>\n<rect width=\"320\" height=\"160\" fill=\"#f8fafc\"/>\n",
        chart + 1
    );
    for bar in 0..7 {
        let height = between(rng, 20, 140);
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"{height}\" fill=\"#0f766e\"/>",
            16 + bar * 43,
            150 - height
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn manifest(course_id: &str, slug: &str, modules: &[ModulePlan]) -> String {
    let mut toml = format!(
        "# 合成基准课程包：由 `cargo xtask gen-pack` 按固定种子生成。\nformat = 1\nid = \"{course_id}\"\nversion = \"1.0.0\"\n\
         title = \"社群运营综合训练（基准包 {slug}）\"\nlanguage = \"zh-CN\"\n\
         description = \"用于性能基准测试的合成课程：{} 个模块，涵盖理论、实操与案例。\"\nmodules = [\n",
        modules.len()
    );
    for module in modules {
        let _ = writeln!(toml, "  \"modules/{}\",", module.file_name());
    }
    toml.push_str("]\n\n[branding]\norganisation = \"群学基准\"\nprimary_colour = \"#0f766e\"\n");
    toml
}

// ------------------------------------------------------------- questions

fn bank(rng: &mut ChaCha8Rng, module: &ModulePlan) -> String {
    let name = TOPIC_WORDS[module.topic].0;
    let terms = module.terms();
    let id = &module.id;
    let mut toml = format!("id = \"bank-{id}\"\ntitle = \"{} 题库\"\n", module.title);

    let right = below(rng, 4);
    let options: Vec<String> = (0..4)
        .map(|i| {
            if i == right {
                format!("先明确{}，再据此安排{}", terms[0], terms[1])
            } else {
                format!("{}与{name}无关，可以省略", terms[i])
            }
        })
        .collect();
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q1\"\ntype = \"single\"\nstem = \"关于**{name}**，下列做法哪一项是正确的？\"\ndifficulty = 1\n\
         tags = [\"概念\"]\noptions = {}\nanswer = {right}\nexplanation = \"{name}要从{}出发。\"\n",
        toml_list(&options),
        terms[0]
    );
    let answers: Vec<usize> = (0..4).filter(|_| below(rng, 2) == 0).collect();
    let answers = if answers.is_empty() { vec![below(rng, 4)] } else { answers };
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q2\"\ntype = \"multiple\"\nstem = \"做好{name}，需要关注哪些方面？（多选）\"\ndifficulty = 2\n\
         tags = [\"要点\"]\noptions = {}\nanswers = {:?}\nexplanation = \"按本课的检查清单逐项核对。\"\n",
        toml_list(&terms.iter().map(|t| t.to_string()).collect::<Vec<_>>()),
        answers
    );
    let truth = below(rng, 2) == 0;
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q3\"\ntype = \"true_false\"\nstem = \"{}{}{}，对吗？\"\ndifficulty = 1\ntags = [\"判断\"]\n\
         answer = {truth}\nexplanation = \"结合本课的案例判断。\"\n",
        pick(rng, SUBJECTS),
        pick(rng, ACTIONS),
        pick(rng, OBJECTS)
    );
    let blank = pick(rng, terms);
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q4\"\ntype = \"fill_blank\"\nstem = \"本课强调，{name}的关键之一是 ____。\"\ndifficulty = 2\n\
         tags = [\"概念\"]\nblanks = [[\"{blank}\"]]\nexplanation = \"答案：{blank}。\"\n"
    );
    let members = between(rng, 100, 500);
    let active = between(rng, 10, members / 4);
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q5\"\ntype = \"numeric\"\nstem = \"群内 {members} 人，某天 {active} 人发言，日活跃率是百分之几？\"\n\
         difficulty = 2\ntags = [\"数据\"]\nanswer = {:.1}\ntolerance = 0.5\nexplanation = \"{active} ÷ {members} × 100%。\"\n",
        active as f64 * 100.0 / members as f64
    );
    let _ = write!(
        toml,
        "\n[[question]]\nid = \"{id}-q6\"\ntype = \"single\"\nstem = \"{name}的效果最适合用哪个指标来检验？\"\ndifficulty = 3\n\
         tags = [\"数据\"]\noptions = [\"{}\", \"群成员总数\", \"发出的消息条数\", \"管理员在线时长\"]\nanswer = 0\n\
         explanation = \"只看规模和数量是虚荣指标。\"\n",
        pick(rng, &["转化率", "留存率", "复购率", "活跃率"])
    );
    toml
}

fn toml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

fn quizzes(modules: &[ModulePlan]) -> String {
    let mut toml = String::new();
    for module in modules {
        let items: Vec<String> = (1..=QUESTIONS_PER_MODULE).map(|q| format!("{}-q{q}", module.id)).collect();
        let _ = write!(
            toml,
            "[[quiz]]\nid = \"{}\"\ntitle = \"{} 小测\"\npurpose = \"module\"\nitems = {}\npass_mark = 0.6\nmax_attempts = 3\n\
             feedback = \"after_submit\"\nshuffle_questions = true\nshuffle_options = true\n\n",
            module.quiz_id(),
            module.title,
            toml_list(&items)
        );
    }
    toml
}

fn tasks(modules: &[ModulePlan]) -> String {
    let mut toml = String::new();
    for module in modules {
        if let Some(task) = module.task_id() {
            let _ = write!(
                toml,
                "[[task]]\nid = \"{task}\"\nmodule = \"{}\"\ntitle = \"{}\"\nrubric = \"rubric-practice\"\ninstructions = \"\"\"\n\
                 ### 要做什么\n\n按本课步骤完成一次演练，提交方案文档和截图。\n\"\"\"\nattachment_types = [\"png\", \"pdf\", \"docx\"]\n\
                 max_attachment_mb = 20\ngrade_max = 100\nallow_resubmit = true\n\n",
                module.id,
                module.title
            );
        }
    }
    toml
}

const RUBRICS: &str = r#"[[rubric]]
id = "rubric-practice"
title = "实操演练评分标准"

[[rubric.criterion]]
id = "completeness"
title = "方案完整"
[[rubric.criterion.level]]
points = 0
label = "未达标"
descriptor = "缺少目标、步骤或指标中的任意一项。"
[[rubric.criterion.level]]
points = 2
label = "达标"
descriptor = "目标、步骤、指标齐全。"
[[rubric.criterion.level]]
points = 4
label = "优秀"
descriptor = "齐全且每一步都有负责人和时间。"

[[rubric.criterion]]
id = "data"
title = "数据口径"
[[rubric.criterion.level]]
points = 0
label = "未达标"
descriptor = "没有写明统计口径。"
[[rubric.criterion.level]]
points = 3
label = "达标"
descriptor = "口径清楚，计算正确。"
"#;

/// Twelve business metrics: the P5 benchmark analyses this many per learner.
pub const METRICS: [(&str, &str, &str, &str, &str); 12] = [
    ("new_fans", "新增粉丝数", "人", "up", "sum"),
    ("active_rate", "活跃率", "%", "up", "mean"),
    ("retention_d30", "30日留存率", "%", "up", "mean"),
    ("conversion_rate", "转化率", "%", "up", "mean"),
    ("repurchase_rate", "复购率", "%", "up", "mean"),
    ("sales", "销售额", "元", "up", "sum"),
    ("messages_per_member", "人均发言数", "条", "up", "mean"),
    ("churn_rate", "流失率", "%", "down", "mean"),
    ("avg_order_value", "客单价", "元", "up", "mean"),
    ("referrals", "转介绍人数", "人", "up", "sum"),
    ("event_signups", "活动报名人数", "人", "up", "sum"),
    ("complaints", "投诉次数", "次", "down", "sum"),
];

fn metrics() -> String {
    let mut toml = String::from("# 基准包的业务指标模板（与效果评估基准使用的 12 个指标一致）。\n");
    for (id, name, unit, direction, aggregation) in METRICS {
        let _ = write!(
            toml,
            "\n[[metric]]\nid = \"{id}\"\nname = \"{name}\"\nunit = \"{unit}\"\ndirection = \"{direction}\"\n\
             aggregation = \"{aggregation}\"\ndefinition = \"统计周期内的{name}，培训前后各取一个完整周期。\"\n"
        );
    }
    toml
}

#[cfg(test)]
mod tests {
    use super::*;
    use qunxue_app::import::validate_path;

    fn generated(options: &PackOptions) -> (tempfile::TempDir, GeneratedPack) {
        let dir = tempfile::tempdir().unwrap();
        let pack = generate(options, dir.path()).unwrap();
        (dir, pack)
    }

    #[test]
    fn the_pack_validates_like_qunxue_validate_and_holds_what_was_asked() {
        let (_dir, pack) = generated(&PackOptions::new(23, 7));
        let outcome = validate_path(&pack.root);
        let errors: Vec<String> = outcome.diagnostics.iter().map(ToString::to_string).collect();
        assert!(outcome.valid, "generated pack is invalid:\n{}", errors.join("\n"));
        assert!(outcome.diagnostics.is_empty(), "unexpected warnings:\n{}", errors.join("\n"));
        let course = &outcome.courses[0];
        let json = serde_json::to_value(course).unwrap();
        assert_eq!(json["id"], "synthetic.bench");
        // 23 modules: theory at i%10 in 0..=6, practice at 7 and 8, case at 9.
        assert_eq!(json["modules"], serde_json::json!({"theory": 17, "practice": 4, "case": 2, "instructor": 0}));
        assert_eq!(json["questions"], 23 * 6);
        assert_eq!(json["tasks"], 4);
        assert_eq!(json["metric_templates"], 12);
    }

    #[test]
    fn modules_reach_the_asked_size_with_every_markdown_feature() {
        let mut options = PackOptions::new(3, 1);
        options.module_bytes = 50_000;
        let (_dir, pack) = generated(&options);
        for file in &pack.module_files {
            let text = std::fs::read_to_string(file).unwrap();
            assert!((50_000..56_000).contains(&text.len()), "{} is {} bytes", file.display(), text.len());
            for feature in ["\n## ", "\n| 指标 |", "\n- **", "\n1. ", "\n- [", "![", "\n> **提示**", "[^note]"] {
                assert!(text.contains(feature), "{} lacks {feature:?}", file.display());
            }
        }
    }

    #[test]
    fn the_same_seed_writes_the_same_bytes_and_another_seed_does_not() {
        let read = |pack: &GeneratedPack| std::fs::read_to_string(&pack.module_files[4]).unwrap();
        let (_a, first) = generated(&PackOptions::new(5, 42));
        let (_b, again) = generated(&PackOptions::new(5, 42));
        let (_c, other) = generated(&PackOptions::new(5, 43));
        assert_eq!(read(&first), read(&again));
        assert_ne!(read(&first), read(&other));
    }

    #[test]
    fn refuses_a_non_empty_folder_and_zero_modules() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "x").unwrap();
        assert!(matches!(generate(&PackOptions::new(2, 1), dir.path()), Err(GenError::NotEmpty { .. })));
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(generate(&PackOptions::new(0, 1), empty.path()), Err(GenError::NoModules)));
    }
}
