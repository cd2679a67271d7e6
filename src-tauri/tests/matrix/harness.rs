//! One run of one command: the real app (`qunxue_desktop::commands_on` on
//! Tauri's mock runtime) on a fresh copy of the template database, the
//! acting profile unlocked through `switch_profile` as the profile picker
//! does, and the command invoked through the IPC with JSON arguments, as the
//! webview would. What the database holds is read from outside the app: its
//! files' bytes and `PRAGMA data_version` on a connection of our own.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;
use tauri_plugin_fs::FsExt;

use super::fixture::Fixture;
use super::Who;

pub(crate) struct Run {
    pub dir: tempfile::TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    watcher: rusqlite::Connection,
}

/// The error as the UI receives it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Failure {
    pub kind: String,
    pub message: String,
}

impl Run {
    /// The app on a copy of the template, acting as `who`.
    pub(crate) fn start(fixture: &Fixture, who: Who) -> Run {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(fixture.data_dir(), dir.path());
        let place = qunxue_desktop::DataPlace::At { data_dir: dir.path().to_path_buf(), bundled_pack: None };
        // The app's own context: its capability decides what the window may call,
        // as in the shipped app.
        let app = qunxue_desktop::commands_on(mock_builder()).build(tauri::generate_context!()).unwrap();
        qunxue_desktop::start(app.handle(), &place).unwrap();
        // Paths the user "picked" in a file dialog: the copy and the test packs.
        app.fs_scope().allow_directory(dir.path(), true).unwrap();
        app.fs_scope().allow_directory(fixture.repo.join("tests/fixtures"), true).unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        let watcher = rusqlite::Connection::open(dir.path().join("qunxue.db")).unwrap();
        let run = Run { dir, _app: app, window, watcher };
        let own = fixture.own(who);
        if who != Who::Learner {
            let switched = run.invoke("switch_profile", json!({ "profileId": own.profile, "pin": own.pin }));
            assert_eq!(switched.as_ref().map(|v| v["status"].clone()), Ok(json!("switched")), "{who:?}");
        }
        run
    }

    pub(crate) fn invoke(&self, command: &str, args: Value) -> Result<Value, Failure> {
        let request = InvokeRequest {
            cmd: command.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            // The app's own origin on Linux and macOS, as the capability expects.
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        match get_ipc_response(&self.window, request) {
            Ok(body) => Ok(body.deserialize::<Value>().unwrap_or(Value::Null)),
            Err(error) => Err(Failure {
                kind: error["kind"].as_str().unwrap_or("unknown").to_string(),
                message: error["message"].as_str().map_or_else(|| error.to_string(), str::to_string),
            }),
        }
    }

    /// What the database holds: `PRAGMA data_version` (which moves when
    /// another connection commits) and the digest of the database files.
    pub(crate) fn snapshot(&self) -> (i64, String) {
        let version = self.watcher.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap();
        let mut digest = Sha256::new();
        for name in ["qunxue.db", "qunxue.db-wal"] {
            digest.update(std::fs::read(self.dir.path().join(name)).unwrap_or_default());
        }
        (version, format!("{:x}", digest.finalize()))
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
