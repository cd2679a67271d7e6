//! Profiles a test database needs before the CLI will act: an admin with a
//! PIN, set up through the app's own use-case as `qunxue profile add` does.

use std::path::Path;

use qunxue_app::accounts::NewProfile;
use qunxue_app::domain::rows::Role;
use qunxue_app::{OpenOptions, Session};

/// The PIN of the admin [`add_admin`] creates.
pub const ADMIN_PIN: &str = "975310";

/// Adds the database's first admin (PIN [`ADMIN_PIN`]) and returns its id.
pub fn add_admin(db: &Path) -> String {
    let session = Session::open(OpenOptions::for_database(db), None, None).expect("opening the test database");
    let admin = NewProfile::named("管理员");
    session.add_profile(&admin, Role::Admin, Some(ADMIN_PIN)).expect("adding the first admin").profile.id
}
