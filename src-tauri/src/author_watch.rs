//! Watching the pack folder open in the author preview: every save is
//! re-validated and re-rendered and sent to the window as
//! `qunxue://author-changed`. Saves are gathered for a short quiet spell
//! first, since an editor writes a file in several steps (temporary file,
//! rename, metadata) and one render per save is what the author wants.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};
use qunxue_app::authoring::preview::{asset_file, snapshot, AuthorSnapshot, PREVIEW_ASSETS};
use tauri::{AppHandle, Emitter, Runtime};

use crate::commands::authoring::authoring_error;
use crate::error::CommandResult;

/// The event the window listens to.
pub(crate) const AUTHOR_CHANGED: &str = "qunxue://author-changed";

/// How long saves must pause before the folder is rendered again.
const QUIET: Duration = Duration::from_millis(150);

/// The longest a render waits for saves to pause.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// The event the window gets when the folder can no longer be read.
pub(crate) const AUTHOR_FAILED: &str = "qunxue://author-failed";

/// Whether a change can change what the preview shows: files made, removed,
/// renamed or written — not read, and not only their times or permissions.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// The folder given with `--author DIR`, if any.
#[derive(Debug, Default)]
pub(crate) struct AuthorStart(pub Option<PathBuf>);

/// The folder being previewed and its watcher; cloning shares them.
#[derive(Clone, Default)]
pub(crate) struct AuthorWatch {
    current: Arc<Mutex<Option<Watching>>>,
}

struct Watching {
    /// The pack's root (holding `courses/`), whose pictures the preview shows.
    root: PathBuf,
    /// Dropping it stops the notifications, which ends the render thread.
    _watcher: notify::RecommendedWatcher,
}

impl AuthorWatch {
    /// Renders `folder` and starts watching it instead of any earlier one.
    pub(crate) fn open<R: Runtime>(&self, app: AppHandle<R>, folder: PathBuf) -> CommandResult<AuthorSnapshot> {
        // The whole pack, even when a course folder or `courses/` was chosen:
        // its quizzes live beside `courses/`.
        let root = qunxue_app::authoring::preview::pack_root(&folder).unwrap_or_else(|| folder.clone());
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| changes_content(&e.kind)) {
                let _ = sender.send(());
            }
        })
        .map_err(|e| cannot_watch(&root, e))?;
        // Watching starts before the first render, so a save in between is not missed.
        watcher.watch(&root, RecursiveMode::Recursive).map_err(|e| cannot_watch(&root, e))?;
        let first = snapshot(&folder, 1).map_err(authoring_error)?;
        let watched = folder.clone();
        std::thread::Builder::new()
            .name("author-preview".into())
            .spawn(move || {
                let mut revision = 1;
                // Ends when the watcher is dropped (closed, or another folder opened).
                while events.recv().is_ok() {
                    // Saves that never pause (a build writing files) still
                    // get a render at least every MAX_WAIT.
                    let first_save = Instant::now();
                    loop {
                        match events.recv_timeout(QUIET) {
                            Ok(()) if first_save.elapsed() < MAX_WAIT => continue,
                            Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                    revision += 1;
                    render_and_send(&app, &watched, revision);
                }
            })
            .map_err(|e| {
                crate::error::CommandError::internal(qunxue_app::msg!(
                    "cannot start the preview: {e}",
                    "无法启动预览：{e}"
                ))
            })?;
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Some(Watching { root, _watcher: watcher });
        Ok(first)
    }

    pub(crate) fn close(&self) {
        self.current.lock().unwrap_or_else(PoisonError::into_inner).take();
    }

    /// The root of the pack being previewed, for serving its pictures.
    pub(crate) fn pack_root(&self) -> Option<PathBuf> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner).as_ref().map(|w| w.root.clone())
    }

    /// For a request path of the preview (`/_author/<slug>/…`, decoded), the
    /// file it names in the pack being previewed — `Some(None)` when there
    /// is none (or none is open, or the path would leave its courses);
    /// `None` for the path of an installed course.
    pub(crate) fn preview_file(&self, request_path: &str) -> Option<Option<PathBuf>> {
        match qunxue_app::assets::parse_asset_request(request_path) {
            Some((course, rest)) if course == PREVIEW_ASSETS => {
                Some(self.pack_root().and_then(|root| asset_file(&root, &rest)).filter(|file| file.is_file()))
            }
            _ => None,
        }
    }
}

fn render_and_send<R: Runtime>(app: &AppHandle<R>, folder: &Path, revision: u64) {
    match snapshot(folder, revision) {
        Ok(next) => {
            log::debug!("author preview: revision {revision} of {} in {} ms", folder.display(), next.elapsed_ms);
            let _ = app.emit(AUTHOR_CHANGED, next);
        }
        // The folder was moved or emptied: the window keeps the last good
        // render and says why it is no longer current.
        Err(error) => {
            log::warn!("author preview: {error}");
            let _ = app.emit(AUTHOR_FAILED, error.to_string());
        }
    }
}

/// The folder could not be watched for saves.
fn cannot_watch(root: &std::path::Path, error: impl std::fmt::Display) -> crate::error::CommandError {
    let root = root.display();
    crate::error::CommandError::internal(qunxue_app::msg!(
        "cannot watch {root}: {error}",
        "无法监视文件夹 {root}：{error}"
    ))
}
