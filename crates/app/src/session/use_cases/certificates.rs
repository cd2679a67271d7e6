//! Course certificates: eligibility, export as PDF or Open Badge, and
//! checking a verification code.

use std::path::Path;

use qunxue_store::certificates::Certificate;

use crate::certificates::{self, Eligibility, Verification};
use crate::session::{Action, Session};
use crate::Result;

impl Session {
    /// Whether the acting learner may have the course's certificate, and if not, what is missing.
    pub fn certificate_status(&self, course_id: &str) -> Result<Eligibility> {
        let a = self.authorise(Action::EarnCertificate)?;
        certificates::eligibility(&a.store, a.profile(), course_id)
    }

    /// Issues the acting learner's certificate (refused when not eligible)
    /// without writing a file.
    pub fn issue_certificate(&self, course_id: &str) -> Result<Certificate> {
        let mut a = self.authorise(Action::EarnCertificate)?;
        certificates::issue(&mut a.store, &a.caller.profile_id, course_id, a.now, a.today)
    }

    /// Writes the acting learner's certificate as a one-page PDF to `path`, issuing it first if needed.
    pub fn export_certificate_pdf(&self, course_id: &str, path: &Path) -> Result<Certificate> {
        let mut a = self.authorise(Action::EarnCertificate)?;
        certificates::export_pdf(&mut a.store, &a.caller.profile_id, course_id, path, a.now, a.today)
    }

    /// Writes the acting learner's certificate as a signed Open Badges 3.0 credential (JSON) to `path`.
    pub fn export_certificate_badge(&self, course_id: &str, path: &Path) -> Result<Certificate> {
        let mut a = self.authorise(Action::EarnCertificate)?;
        certificates::export_credential(&mut a.store, a.data_dir, &a.caller.profile_id, course_id, path, a.now, a.today)
    }

    /// Checks a certificate's verification code against this database.
    pub fn verify_certificate(&self, code: &str) -> Result<Verification> {
        let a = self.authorise(Action::VerifyCertificate)?;
        certificates::verify(&a.store, code)
    }
}
