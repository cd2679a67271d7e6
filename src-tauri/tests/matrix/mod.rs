//! The permission matrix's parts: the template database ([`fixture`]), the
//! real app on a copy of it driven through its IPC ([`harness`]), and who
//! acts.

pub(crate) mod fixture;
pub(crate) mod harness;

/// The three roles the matrix acts as, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Who {
    Learner,
    Instructor,
    Admin,
}

impl Who {
    pub(crate) const ALL: [Who; 3] = [Who::Learner, Who::Instructor, Who::Admin];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Who::Learner => "learner",
            Who::Instructor => "instructor",
            Who::Admin => "admin",
        }
    }
}
