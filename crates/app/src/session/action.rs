//! Every use-case's permission, in one table. A use-case reaches the
//! database only through [`super::Session::authorise`], which takes one of
//! these, so a use-case without a permission check does not compile.
//!
//! The minimum role is the first gate. Services that act on someone else's
//! records still check ownership themselves (a learner renames only their own
//! profile, an instructor's own comment bank entries, …).

use qunxue_store::profiles::Role;

/// Who may take an action at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// Open to whoever is at the machine, with or without a usable profile:
    /// the about box, the recovery screen, checking a pack, picking a profile.
    Anyone,
    /// The acting profile must hold this role or a higher one (and, for a role
    /// behind a PIN, have been unlocked with it).
    Role(Role),
}

/// One use-case (or a family of read-only views of the same data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // The app and its database.
    ReadAppInfo,
    /// The banner's list of background failures (the use-case decides how
    /// much of each the caller sees).
    SeeHealth,
    ListBackups,
    CreateBackup,
    RestoreBackup,
    RecoverDatabase,
    // The course library.
    ValidatePack,
    ImportPack,
    RemoveCourse,
    ListCourses,
    // Reading and studying one's own course.
    Read,
    Study,
    Search,
    KeepNotes,
    ExportOwnRecords,
    // Quizzes.
    TakeQuiz,
    MarkAnswers,
    AnalyseItems,
    RegradeAttempts,
    ExportQuestions,
    ManageLocalQuizzes,
    ListLocalQuizzes,
    // Practice tasks.
    DoTask,
    GradeTasks,
    SendSubmissions,
    ReceiveSubmissions,
    SendGrades,
    ReceiveGrades,
    TrustBundleKey,
    ViewAttachment,
    // Certificates.
    EarnCertificate,
    VerifyCertificate,
    // Impact studies and surveys.
    ManageStudies,
    AnswerSurvey,
    MakeDemoData,
    // Classes and records that travel.
    CreateClass,
    ManageClass,
    JoinClass,
    ViewClass,
    ExportRecords,
    ImportRecords,
    // Profiles.
    ListProfiles,
    SwitchProfile,
    CreateProfile,
    EditProfile,
    DeleteProfile,
    SetProfileRole,
    ReadAdminLog,
    ConfigureSecurity,
    // Setting the machine up, and PINs.
    ReadMachineSetup,
    SetUpMachine,
    SetUpAdmin,
    ConfirmAdmin,
    RecoverAdmin,
    ResetPin,
    ChangeOwnPin,
    // xAPI.
    ReadXapiStatus,
    ConfigureXapi,
    /// The app's log files (they name the LRS and its replies).
    ReadLogs,
    SyncXapi,
    ExportXapi,
}

impl Action {
    /// The permission table (docs/security.md's role table is generated from
    /// the matrix test that runs every command against it).
    pub const fn requirement(self) -> Requirement {
        use Requirement::{Anyone, Role as R};
        use Role::{Admin, Instructor, Learner};
        match self {
            Action::ReadAppInfo | Action::SeeHealth | Action::RecoverDatabase | Action::ValidatePack => Anyone,
            Action::ListProfiles | Action::SwitchProfile | Action::VerifyCertificate => Anyone,
            // A profile is created by its own learner at the picker; the service
            // asks an admin for any role above learner.
            Action::CreateProfile => Anyone,
            // The first-run question, and the admin set-up a machine without an
            // admin needs (the use-case refuses once an admin exists, except to
            // an admin made the old way handing over). Recovery is proved by the
            // recovery code, not by who is at the machine.
            Action::ReadMachineSetup | Action::SetUpMachine | Action::SetUpAdmin | Action::RecoverAdmin => Anyone,
            Action::ChangeOwnPin => R(Learner),
            Action::ConfirmAdmin | Action::ResetPin => R(Admin),
            Action::ListBackups | Action::CreateBackup => R(Learner),
            // A learner joins a class and exports their own records; the use-case
            // asks an instructor for anyone else's.
            Action::JoinClass | Action::ExportRecords => R(Learner),
            Action::CreateClass | Action::ManageClass | Action::ViewClass | Action::ImportRecords => R(Instructor),
            Action::ListCourses | Action::Read | Action::Study | Action::Search | Action::KeepNotes => R(Learner),
            Action::ExportOwnRecords | Action::TakeQuiz | Action::ListLocalQuizzes | Action::DoTask => R(Learner),
            Action::SendSubmissions | Action::ReceiveGrades | Action::ViewAttachment => R(Learner),
            Action::EarnCertificate | Action::AnswerSurvey | Action::EditProfile => R(Learner),
            // A learner's machine sends (and in company mode fetches marks)
            // on its own; the LRS's address, account and its error replies
            // are for those who look after it.
            Action::SyncXapi => R(Learner),
            Action::ReadXapiStatus | Action::ReadLogs => R(Instructor),
            // Deleting a profile deletes everything its owner did.
            Action::DeleteProfile => R(Admin),
            // The service decides who may trust a key for which bundle kind.
            Action::TrustBundleKey => R(Learner),
            Action::MarkAnswers | Action::AnalyseItems | Action::ManageLocalQuizzes | Action::GradeTasks => {
                R(Instructor)
            }
            // Seeing whose scores a corrected key would change, and changing
            // them; writing a bank with its answer keys to a file.
            Action::RegradeAttempts | Action::ExportQuestions => R(Instructor),
            Action::ReceiveSubmissions | Action::SendGrades | Action::ManageStudies => R(Instructor),
            Action::RestoreBackup | Action::ExportXapi => R(Instructor),
            // Open on a database without an admin (a fresh one for trying the
            // product); the use-case asks for an admin once one exists.
            Action::MakeDemoData => Anyone,
            // The endpoint and account of the company's LRS are an admin's.
            Action::ConfigureXapi => R(Admin),
            // Course import, update, forced downgrade and removal replace or
            // delete every learner's records in a course.
            Action::ImportPack | Action::RemoveCourse | Action::ReadAdminLog | Action::ConfigureSecurity => R(Admin),
            // The service checks again: only an admin changes roles.
            Action::SetProfileRole => R(Learner),
        }
    }

    /// How the refusal names the action, in both languages.
    pub fn describe(self) -> &'static str {
        match self {
            Action::ImportPack => "导入或更新课程 / importing or updating a course",
            Action::RemoveCourse => "删除课程 / removing a course",
            Action::RestoreBackup => "恢复备份 / restoring a backup",
            Action::MarkAnswers => "批改简答题 / marking answers",
            Action::AnalyseItems => "题目分析 / item analysis",
            Action::RegradeAttempts => "按更正后的答案重新评分 / regrading after a key change",
            Action::ExportQuestions => "导出题库 / exporting a question bank",
            Action::ManageLocalQuizzes => "导入或归档本机测验 / managing local quizzes",
            Action::GradeTasks => "评分 / grading practice tasks",
            Action::ReceiveSubmissions => "导入学员作业包 / importing submissions",
            Action::SendGrades => "导出成绩包 / exporting grades",
            Action::ManageStudies => "培训效果评估 / impact studies",
            Action::MakeDemoData => "生成演示数据 / making demo data",
            Action::ExportXapi => "导出学习记录 / exporting xAPI statements",
            Action::CreateClass => "创建班级 / creating a class",
            Action::ViewClass => "查看班级 / viewing a class",
            Action::ManageClass => "管理班级成员 / managing a class's members",
            Action::ImportRecords => "导入学习记录包 / importing learner records",
            Action::ConfigureXapi => "设置学习记录库 / configuring the LRS",
            Action::EditProfile => "修改他人的档案 / editing someone else's profile",
            Action::SetProfileRole => "调整角色 / changing a role",
            Action::TrustBundleKey => "信任学员的签名密钥 / trusting a learner's key",
            Action::ResetPin => "重置他人的 PIN / resetting someone's PIN",
            Action::ConfirmAdmin => "确认管理员 / confirming the admin",
            Action::DeleteProfile => "删除档案 / deleting a profile",
            Action::ConfigureSecurity => "安全设置 / security settings",
            Action::ReadAdminLog => "查看管理日志 / reading the admin log",
            Action::ReadLogs => "查看运行日志 / reading the app's logs",
            _ => "此操作 / this action",
        }
    }
}
