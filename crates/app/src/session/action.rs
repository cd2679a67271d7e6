//! Every use-case's permission, in one table. A use-case reaches the
//! database only through [`super::Session::authorise`], which takes one of
//! these, so a use-case without a permission check does not compile.
//!
//! The minimum role is the first gate. Services that act on someone else's
//! records still check ownership themselves (a learner renames only their own
//! profile, an instructor's own comment bank entries, …).

use qunxue_store::profiles::Role;

use crate::Message;

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
    /// The about box: version and where the data lives (anyone).
    ReadAppInfo,
    /// The banner's list of background failures (the use-case decides how
    /// much of each the caller sees).
    SeeHealth,
    /// Listing the backups folder (learners up; anyone on the recovery screen).
    ListBackups,
    /// Taking a backup now, from the app or the CLI (learners up).
    CreateBackup,
    /// Replacing the live database with a backup (instructors and admins).
    RestoreBackup,
    /// Leaving the recovery screen with a backup or a new database (anyone: no roles to check).
    RecoverDatabase,
    // The course library.
    /// Checking a course pack without installing it (anyone).
    ValidatePack,
    /// Installing, updating or downgrading courses from a pack (admins).
    ImportPack,
    /// Removing a course with everyone's records in it (admins).
    RemoveCourse,
    /// The course library with one's own progress (learners up).
    ListCourses,
    // Reading and studying one's own course.
    /// Reading a course: its outline, glossary and modules (learners up).
    Read,
    /// Completing modules, study time, reading positions and the home screen (learners up).
    Study,
    /// Full-text search over modules, one's own notes and, for instructors, questions (learners up).
    Search,
    /// One's own notes and bookmarks (learners up).
    KeepNotes,
    /// Exporting one's own learner record as a spreadsheet (learners up).
    ExportOwnRecords,
    // Quizzes.
    /// Taking quizzes, their results and the spaced review (learners up).
    TakeQuiz,
    /// The short-answer marking queue and grading answers (instructors and admins).
    MarkAnswers,
    /// Item analysis of a quiz, on screen or exported (instructors and admins).
    AnalyseItems,
    /// Seeing whose scores a corrected answer key changes, and regrading them (instructors and admins).
    RegradeAttempts,
    /// Writing a question bank with its answer keys to GIFT or Moodle XML (instructors and admins).
    ExportQuestions,
    /// Previewing, importing and withdrawing local quizzes made from question files (instructors and admins).
    ManageLocalQuizzes,
    /// The course's local quizzes with one's own results (learners up).
    ListLocalQuizzes,
    // Practice tasks.
    /// One's own practice tasks: drafts, attachments and submitting (learners up).
    DoTask,
    /// Grading practice tasks: queue, marks, moderation, comment bank and statistics (instructors and admins).
    GradeTasks,
    /// One's own signing key and exporting one's submissions bundle (learners up).
    SendSubmissions,
    /// Importing learners' submissions bundles (instructors and admins).
    ReceiveSubmissions,
    /// Exporting grades bundles for learners (instructors and admins).
    SendGrades,
    /// Importing a grades bundle signed by the course's instructor (learners up).
    ReceiveGrades,
    /// Trusting the key that signed a bundle; the service asks an instructor for a learner's key.
    TrustBundleKey,
    /// Viewing or saving an attachment of a submitted version (learners up; the service checks whose).
    ViewAttachment,
    // Certificates.
    /// Certificate eligibility and exporting one's certificate as PDF or Open Badge (learners up).
    EarnCertificate,
    /// Checking a certificate's verification code against this database (anyone).
    VerifyCertificate,
    // Impact studies and surveys.
    /// Impact studies: set-up, data entry and import, reports and exports (instructors and admins).
    ManageStudies,
    /// Seeing and answering a course's surveys (learners up).
    AnswerSurvey,
    /// `qunxue demo`: anyone on a database without an admin; the use-case asks for an admin otherwise.
    MakeDemoData,
    // Classes and records that travel.
    /// Creating a class (instructors and admins).
    CreateClass,
    /// Managing a class's members (instructors and admins).
    ManageClass,
    /// Joining a class with its join code, and listing classes (learners up).
    JoinClass,
    /// Every learner of a course or class, from every source (instructors and admins).
    ViewClass,
    /// Exporting learner records to carry to another machine (learners their own; the use-case asks for more).
    ExportRecords,
    /// Taking in learner-record bundles, or reading a class back from the LRS (instructors and admins).
    ImportRecords,
    // Profiles.
    /// The profile picker and the session's status (anyone).
    ListProfiles,
    /// Switching the active profile, with its PIN if it has one (anyone).
    SwitchProfile,
    /// Creating a learner profile (anyone; a higher role needs an admin).
    CreateProfile,
    /// Renaming or recolouring a profile: one's own (learners up), anyone's for an admin.
    EditProfile,
    /// Deleting a profile with everything it owns (admins).
    DeleteProfile,
    /// Giving a profile a role; open to learners here, but the use-case requires an admin.
    SetProfileRole,
    /// Reading the admin log (admins).
    ReadAdminLog,
    /// Security settings: the learner-PIN policy and the idle lock (admins).
    ConfigureSecurity,
    // Setting the machine up, and PINs.
    /// Whether the first-run question was answered, and the PIN policy (anyone).
    ReadMachineSetup,
    /// Answering the first-run question: a personal or a shared machine (anyone, once).
    SetUpMachine,
    /// Setting up the machine's admin where none exists (anyone; refused once an admin exists).
    SetUpAdmin,
    /// An admin confirming they are the admin, or replacing a lost recovery code (admins).
    ConfirmAdmin,
    /// Setting a new admin PIN with the recovery code (anyone: the code is the proof).
    RecoverAdmin,
    /// Resetting someone else's PIN (admins).
    ResetPin,
    /// Setting, changing or removing one's own PIN (learners up).
    ChangeOwnPin,
    // xAPI.
    /// The LRS settings and the sync status (instructors and admins).
    ReadXapiStatus,
    /// Changing the LRS connection settings (admins).
    ConfigureXapi,
    /// The app's log files (they name the LRS and its replies).
    ReadLogs,
    /// Sending queued statements to the LRS and taking in released marks (learners up).
    SyncXapi,
    /// Exporting xAPI statements to a file (instructors and admins).
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
    pub fn describe(self) -> Message {
        let (en, zh) = match self {
            Action::ImportPack => ("importing or updating a course", "导入或更新课程"),
            Action::RemoveCourse => ("removing a course", "删除课程"),
            Action::RestoreBackup => ("restoring a backup", "恢复备份"),
            Action::MarkAnswers => ("marking answers", "批改简答题"),
            Action::AnalyseItems => ("item analysis", "题目分析"),
            Action::RegradeAttempts => ("regrading after a key change", "按更正后的答案重新评分"),
            Action::ExportQuestions => ("exporting a question bank", "导出题库"),
            Action::ManageLocalQuizzes => ("managing local quizzes", "导入或归档本机测验"),
            Action::GradeTasks => ("grading practice tasks", "评分"),
            Action::ReceiveSubmissions => ("importing submissions", "导入学员作业包"),
            Action::SendGrades => ("exporting grades", "导出成绩包"),
            Action::ManageStudies => ("impact studies", "培训效果评估"),
            Action::MakeDemoData => ("making demo data", "生成演示数据"),
            Action::ExportXapi => ("exporting xAPI statements", "导出学习记录"),
            Action::CreateClass => ("creating a class", "创建班级"),
            Action::ViewClass => ("viewing a class", "查看班级"),
            Action::ManageClass => ("managing a class's members", "管理班级成员"),
            Action::ImportRecords => ("importing learner records", "导入学习记录包"),
            Action::ConfigureXapi => ("configuring the LRS", "设置学习记录库"),
            Action::EditProfile => ("editing someone else's profile", "修改他人的档案"),
            Action::SetProfileRole => ("changing a role", "调整角色"),
            Action::TrustBundleKey => ("trusting a learner's key", "信任学员的签名密钥"),
            Action::ResetPin => ("resetting someone's PIN", "重置他人的 PIN"),
            Action::ConfirmAdmin => ("confirming the admin", "确认管理员"),
            Action::DeleteProfile => ("deleting a profile", "删除档案"),
            Action::ConfigureSecurity => ("security settings", "安全设置"),
            Action::ReadAdminLog => ("reading the admin log", "查看管理日志"),
            Action::ReadLogs => ("reading the app's logs", "查看运行日志"),
            _ => ("this action", "此操作"),
        };
        Message { en: en.to_string(), zh: zh.to_string() }
    }
}
