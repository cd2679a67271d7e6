//! Course certificates. A learner who has completed every current module of
//! a course and passed each of its graded quizzes (module quizzes and the
//! post-test; pre-tests and practice quizzes do not count) can export:
//!
//! * a one-page PDF certificate with the embedded CJK font ([`pdf`]);
//! * an Open Badges 3.0 credential, signed (`eddsa-jcs-2022`, [`badge`]).
//!
//! Both carry a verification code ([`code`]) that
//! `qunxue certificate verify CODE --db FILE` checks against the database.
//! A learner gets one certificate per course version: exporting again later
//! gives the same code and date.

mod badge;
mod code;
mod jcs;
mod multibase;
mod pdf;

#[cfg(test)]
mod tests;

use std::path::Path;

use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

use qunxue_core::course::CompletionRule;
use qunxue_store::certificates::{self as store_certs, Certificate};
use qunxue_store::course_items::{self, ItemKind};
use qunxue_store::{courses, profiles, Store};
use serde::Serialize;

pub use badge::{check_credential_file, did_key, verify_credential, CheckedCredential, OB3_CONTEXT, VC_CONTEXT};
pub use code::normalise as normalise_code;

use crate::impact::export::CjkFont;
use crate::stored_json::from_json;
use crate::tasks::bundles::keys::signing_key;
use crate::{msg, AppError, Lang, Message, Result};

/// Name of the key file (in `<data>/keys/`) that signs credentials.
const ISSUER_KEY: &str = "certificate-issuer";
const DEFAULT_ISSUER: &str = "群学 Qunxue";

/// Something still to do before a certificate can be issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    /// The module, quiz or survey's id within the course.
    pub id: String,
    /// Its title, as the certificate panel lists it.
    pub title: String,
}

/// A practice task the course's completion rule asks to be graded at a
/// level, not reached yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskToReach {
    /// The task's id within the course.
    pub id: String,
    /// The task's title (its id when the task cannot be loaded).
    pub title: String,
    /// The released grade the completion rule asks for, in percent (0–100).
    pub min_percent: f64,
    /// The learner's best released grade so far, in percent (`None`: none yet).
    pub best_percent: Option<f64>,
}

/// Whether a learner may have a course's certificate yet, with everything still missing for the certificate panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Eligibility {
    /// The course asked about.
    pub course_id: String,
    /// The course's title, for the panel's heading.
    pub course_title: String,
    /// Everything is done: the certificate may be exported (a course without modules never is).
    pub eligible: bool,
    /// Current modules the learner has not completed yet.
    pub modules_to_complete: Vec<Missing>,
    /// Graded quizzes (module quizzes and the post-test) not passed yet.
    pub quizzes_to_pass: Vec<Missing>,
    /// From the course's completion rule (`[completion]` in `course.toml`).
    pub tasks_to_reach: Vec<TaskToReach>,
    /// Surveys the completion rule asks for that the learner has not answered yet.
    pub surveys_to_answer: Vec<Missing>,
    /// Already issued for this course version.
    pub certificate: Option<Certificate>,
}

/// The outcome of checking a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The code checked, normalised (`QX-XXXX-XXXX-XXXX-XXXX`).
    pub code: String,
    /// The certificate issued under that code, whose signature matched.
    pub certificate: Certificate,
}

/// Whether the profile may have a certificate for the course, and if not, why.
pub fn eligibility(store: &Store, profile_id: &str, course_id: &str) -> Result<Eligibility> {
    Requirements::of(store.conn(), course_id)?.eligibility(store.conn(), profile_id)
}

/// What a course asks before a certificate, read and parsed once: the
/// class view checks it for every member (a thousand of them), and only the
/// learner's own records differ from one member to the next.
pub struct Requirements {
    course: courses::CourseRecord,
    has_modules: bool,
    /// The pack quizzes to pass, by id, with their titles.
    quizzes: BTreeMap<String, String>,
    rule: CompletionRule,
}

impl Requirements {
    /// Reads the course's requirements: its modules, its counted pack quizzes and its completion rule.
    pub fn of(conn: &qunxue_store::Connection, course_id: &str) -> Result<Self> {
        let course = courses::get_course(conn, course_id)?;
        let quizzes = store_certs::pack_quizzes(conn, course_id)?
            .into_iter()
            .map(|(id, body)| counted_quiz(id, &body))
            .filter_map(Result::transpose)
            .map(|counted| counted.map(|missing| (missing.id, missing.title)))
            .collect::<Result<_>>()?;
        let rule = match courses::completion_rule(conn, course_id)? {
            Some(text) => from_json(&text, msg!("completion rule", "结业规则"))?,
            None => CompletionRule::default(),
        };
        Ok(Self { has_modules: !courses::list_modules(conn, course_id)?.is_empty(), course, quizzes, rule })
    }

    /// How many quizzes the certificate asks a learner to pass.
    pub fn quizzes_to_pass_count(&self) -> usize {
        self.quizzes.len()
    }

    /// Where every learner of the course stands, from one query per kind of
    /// record rather than several per learner (the class view of 1,000
    /// members took 450 ms asking [`Self::eligibility`] of each; issue #34).
    pub fn standings(&self, conn: &qunxue_store::Connection) -> Result<Standings> {
        let course_id = self.course.id.as_str();
        let mut quizzes_passed: HashMap<String, usize> = HashMap::new();
        for (profile, quiz) in store_certs::passed_quizzes(conn, course_id)? {
            if self.quizzes.contains_key(&quiz) {
                *quizzes_passed.entry(profile).or_default() += 1;
            }
        }
        let mut tasks_reached: HashMap<String, usize> = HashMap::new();
        for (profile, task, best) in store_certs::best_task_percents(conn, course_id)? {
            let reached =
                self.rule.tasks.iter().any(|required| required.id == task && best + 1e-9 >= required.min_percent);
            if reached {
                *tasks_reached.entry(profile).or_default() += 1;
            }
        }
        let mut surveys_answered: HashMap<String, usize> = HashMap::new();
        for (profile, survey) in store_certs::answered_surveys(conn, course_id)? {
            if self.rule.surveys.contains(&survey) {
                *surveys_answered.entry(profile).or_default() += 1;
            }
        }
        Ok(Standings {
            has_modules: self.has_modules,
            learner_modules: store_certs::learner_module_count(conn, course_id)?,
            modules_completed: store_certs::completed_modules_by_profile(conn, course_id)?,
            quizzes_total: self.quizzes.len(),
            quizzes_passed,
            tasks_total: self.rule.tasks.len(),
            tasks_reached,
            surveys_total: self.rule.surveys.len(),
            surveys_answered,
        })
    }

    /// Whether `profile_id` may have the certificate, and if not, why.
    pub fn eligibility(&self, conn: &qunxue_store::Connection, profile_id: &str) -> Result<Eligibility> {
        let course_id = self.course.id.as_str();
        let modules_to_complete = store_certs::modules_not_completed(conn, profile_id, course_id)?
            .into_iter()
            .map(|(id, title)| Missing { id, title })
            .collect::<Vec<_>>();
        let quizzes_to_pass = store_certs::quizzes_not_passed(conn, profile_id, course_id)?
            .into_iter()
            .filter_map(|id| self.quizzes.get(&id).map(|title| Missing { id, title: title.clone() }))
            .collect::<Vec<_>>();
        let (tasks_to_reach, surveys_to_answer) = self.rule_not_met(conn, profile_id)?;
        Ok(Eligibility {
            eligible: self.has_modules
                && modules_to_complete.is_empty()
                && quizzes_to_pass.is_empty()
                && tasks_to_reach.is_empty()
                && surveys_to_answer.is_empty(),
            certificate: store_certs::for_course_version(conn, profile_id, course_id, &self.course.version)?,
            course_id: self.course.id.clone(),
            course_title: self.course.title.clone(),
            modules_to_complete,
            quizzes_to_pass,
            tasks_to_reach,
            surveys_to_answer,
        })
    }

    /// What the course's completion rule asks that the profile has not done:
    /// tasks below their level, surveys not answered.
    fn rule_not_met(
        &self,
        conn: &qunxue_store::Connection,
        profile_id: &str,
    ) -> Result<(Vec<TaskToReach>, Vec<Missing>)> {
        let course_id = self.course.id.as_str();
        let mut tasks = Vec::new();
        for required in &self.rule.tasks {
            let best = store_certs::best_task_percent(conn, profile_id, course_id, &required.id)?;
            // A rounding hair below the line (69.99999 for 70) still reaches it.
            if best.is_none_or(|b| b + 1e-9 < required.min_percent) {
                let title = crate::tasks::common::load_task(conn, course_id, &required.id)
                    .map_or(required.id.clone(), |t| t.title);
                tasks.push(TaskToReach {
                    id: required.id.clone(),
                    title,
                    min_percent: required.min_percent,
                    best_percent: best,
                });
            }
        }
        let mut surveys = Vec::new();
        for survey in &self.rule.surveys {
            if !store_certs::answered_survey(conn, profile_id, course_id, survey)? {
                let title = course_items::get_item(conn, course_id, ItemKind::Survey, survey)
                    .ok()
                    .and_then(|item| serde_json::from_str::<serde_json::Value>(&item.body).ok())
                    .and_then(|body| body["title"].as_str().map(String::from))
                    .unwrap_or_else(|| survey.clone());
                surveys.push(Missing { id: survey.clone(), title });
            }
        }
        Ok((tasks, surveys))
    }
}

/// Every learner's standing against a course's requirements (see
/// [`Requirements::standings`]); agrees with [`Requirements::eligibility`].
#[derive(Debug, Clone)]
pub struct Standings {
    has_modules: bool,
    learner_modules: i64,
    modules_completed: HashMap<String, i64>,
    quizzes_total: usize,
    quizzes_passed: HashMap<String, usize>,
    tasks_total: usize,
    tasks_reached: HashMap<String, usize>,
    surveys_total: usize,
    surveys_answered: HashMap<String, usize>,
}

/// One learner's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Everything the certificate asks is done.
    pub eligible: bool,
    /// Of the quizzes the certificate asks to pass.
    pub quizzes_passed: usize,
}

impl Standings {
    /// The standing of `profile_id` (nothing done when it has no records).
    pub fn of(&self, profile_id: &str) -> Standing {
        let count = |map: &HashMap<String, usize>| map.get(profile_id).copied().unwrap_or(0);
        let quizzes_passed = count(&self.quizzes_passed);
        let modules_done = self.modules_completed.get(profile_id).copied().unwrap_or(0) >= self.learner_modules;
        Standing {
            eligible: self.has_modules
                && modules_done
                && quizzes_passed == self.quizzes_total
                && count(&self.tasks_reached) == self.tasks_total
                && count(&self.surveys_answered) == self.surveys_total,
            quizzes_passed,
        }
    }
}

/// A pack quiz the certificate asks to pass (module quizzes and the
/// post-test; not the pre-test or practice), with its title. A stored body
/// that does not parse is an error, not a quiz that silently counts.
fn counted_quiz(id: String, body: &str) -> Result<Option<Missing>> {
    let quiz: serde_json::Value = from_json(body, msg!("quiz {id}", "测验 {id}"))?;
    let counts = matches!(quiz["purpose"].as_str(), Some("module" | "post_test") | None);
    let title = quiz["title"].as_str().unwrap_or(&id).to_string();
    Ok(counts.then_some(Missing { id, title }))
}

/// How many quizzes the certificate asks a learner of `course_id` to pass.
pub fn quizzes_to_pass_count(store: &Store, course_id: &str) -> Result<usize> {
    Ok(Requirements::of(store.conn(), course_id)?.quizzes_to_pass_count())
}

/// The profile's certificate for the course's installed version: the one
/// issued before, or a new one when the profile is eligible, issued at `now`
/// and dated `today` — the learner's calendar date (their time zone), which
/// is what the certificate shows and what its code is derived from.
pub fn issue(
    store: &mut Store,
    profile_id: &str,
    course_id: &str,
    now: DateTime<Utc>,
    today: chrono::NaiveDate,
) -> Result<Certificate> {
    let status = eligibility(store, profile_id, course_id)?;
    if let Some(existing) = status.certificate {
        return Ok(existing);
    }
    if !status.eligible {
        return Err(AppError::Rejected(not_eligible_message(&status)));
    }
    let course = courses::get_course(store.conn(), course_id)?;
    let learner = profiles::get(store.conn(), profile_id)?;
    let issued_on = today.format("%Y-%m-%d").to_string();
    store.transact(|tx| -> Result<Certificate> {
        let key = code::key(tx)?;
        let certificate = Certificate {
            code: code::code_for(&key, profile_id, course_id, &course.version, &issued_on),
            profile_id: profile_id.to_string(),
            course_id: course.id.clone(),
            course_version: course.version.clone(),
            course_title: course.title.clone(),
            learner_name: learner.display_name.clone(),
            issued_on: issued_on.clone(),
            issued_at: qunxue_store::time::stamp(now),
        };
        store_certs::insert(tx, &certificate)?;
        Ok(certificate)
    })
}

fn not_eligible_message(status: &Eligibility) -> Message {
    // Titles listed in each language's way: "a, b" and "a、b".
    let listed = |titles: Vec<String>| Message { en: titles.join(", "), zh: titles.join("、") };
    let titles_of = |items: &[Missing]| listed(items.iter().map(|m| m.title.clone()).collect());
    let mut parts: Vec<Message> = Vec::new();
    if !status.modules_to_complete.is_empty() {
        let Message { en, zh } = titles_of(&status.modules_to_complete);
        parts.push(msg!("modules not completed yet: {en}", "尚未完成的模块：{zh}"));
    }
    if !status.quizzes_to_pass.is_empty() {
        let Message { en, zh } = titles_of(&status.quizzes_to_pass);
        parts.push(msg!("quizzes not passed yet: {en}", "尚未通过的测验：{zh}"));
    }
    if !status.tasks_to_reach.is_empty() {
        let needs_en = status.tasks_to_reach.iter().map(|t| format!("{} (≥ {}%)", t.title, t.min_percent)).collect();
        let needs_zh = status.tasks_to_reach.iter().map(|t| format!("{}（≥ {}%）", t.title, t.min_percent)).collect();
        let (en, zh) = (listed(needs_en).en, listed(needs_zh).zh);
        parts.push(msg!("practice tasks not graded at their level yet: {en}", "尚未达到要求成绩的练习任务：{zh}"));
    }
    if !status.surveys_to_answer.is_empty() {
        let Message { en, zh } = titles_of(&status.surveys_to_answer);
        parts.push(msg!("surveys not answered yet: {en}", "尚未填写的问卷：{zh}"));
    }
    if parts.is_empty() {
        parts.push(msg!("the course has no modules", "这门课程没有学习模块"));
    }
    let course = &status.course_title;
    let join = |lang: Lang, separator: &str| parts.iter().map(|p| p.in_lang(lang)).collect::<Vec<_>>().join(separator);
    let (parts_en, parts_zh) = (join(Lang::En, "; "), join(Lang::Zh, "；"));
    msg!("no certificate for {course} yet — {parts_en}", "暂时还不能获得「{course}」的证书——{parts_zh}")
}

/// Checks a typed code: known to this database and matching the keyed hash
/// of the details it was issued for (a row edited afterwards fails).
pub fn verify(store: &Store, typed: &str) -> Result<Verification> {
    let code = code::normalise(typed).ok_or_else(|| {
        AppError::Rejected(msg!(
            "`{typed}` is not a certificate code (QX-XXXX-XXXX-XXXX-XXXX)",
            "`{typed}` 不是证书编号（格式为 QX-XXXX-XXXX-XXXX-XXXX）"
        ))
    })?;
    let certificate = store_certs::by_code(store.conn(), &code)?.ok_or_else(|| {
        AppError::NotFound(msg!(
            "no certificate with code {code} was issued from this database",
            "这个数据库没有颁发过编号为 {code} 的证书"
        ))
    })?;
    let key = code::existing_key(store.conn())?.ok_or_else(|| {
        AppError::Internal(msg!("certificates exist but the code key is missing", "已有证书，但缺少证书编号的密钥"))
    })?;
    let expected = code::code_for(
        &key,
        &certificate.profile_id,
        &certificate.course_id,
        &certificate.course_version,
        &certificate.issued_on,
    );
    if expected != code {
        return Err(AppError::Rejected(msg!(
            "certificate {code} was altered after it was issued; it is not valid",
            "证书 {code} 在颁发后被改动过，已经无效"
        )));
    }
    Ok(Verification { code, certificate })
}

/// The criteria sentence printed on the certificate and put in the badge.
fn criteria(store: &Store, course_id: &str) -> Result<String> {
    let modules = courses::list_modules(store.conn(), course_id)?.len();
    Ok(format!("已完成全部 {modules} 个学习模块，并通过课程的全部测验。"))
}

fn issuer_name(store: &Store, course_id: &str) -> Result<String> {
    let course = courses::get_course(store.conn(), course_id)?;
    Ok(course.organisation.filter(|o| !o.trim().is_empty()).unwrap_or_else(|| DEFAULT_ISSUER.to_string()))
}

/// Issues (or reuses) the certificate and writes it as a PDF to `out`.
pub fn export_pdf(
    store: &mut Store,
    profile_id: &str,
    course_id: &str,
    out: &Path,
    now: DateTime<Utc>,
    today: chrono::NaiveDate,
) -> Result<Certificate> {
    let font = CjkFont::find()?;
    let certificate = issue(store, profile_id, course_id, now, today)?;
    let issuer = issuer_name(store, course_id)?;
    let criteria = criteria(store, course_id)?;
    let bytes = pdf::render(&certificate, &pdf::PageText { issuer_name: &issuer, criteria: &criteria }, &font)?;
    std::fs::write(out, bytes).map_err(AppError::write(out))?;
    Ok(certificate)
}

/// Issues (or reuses) the certificate and writes it as a signed Open Badges
/// 3.0 credential (JSON) to `out`; the signing key is kept in `data_dir`.
pub fn export_credential(
    store: &mut Store,
    data_dir: &Path,
    profile_id: &str,
    course_id: &str,
    out: &Path,
    now: DateTime<Utc>,
    today: chrono::NaiveDate,
) -> Result<Certificate> {
    let certificate = issue(store, profile_id, course_id, now, today)?;
    let key = signing_key(data_dir, ISSUER_KEY)?;
    let issuer = issuer_name(store, course_id)?;
    let criteria = criteria(store, course_id)?;
    let credential =
        badge::credential(&certificate, &badge::BadgeDetails { issuer_name: &issuer, criteria: &criteria }, &key, now)?;
    let text = serde_json::to_string_pretty(&credential)
        .map_err(|e| AppError::internal(msg!("writing the credential as JSON", "将凭证写成 JSON"), e))?;
    std::fs::write(out, text).map_err(AppError::write(out))?;
    Ok(certificate)
}
