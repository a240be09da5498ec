//! PDF through the HTML report: a headless Chromium-family browser found on PATH prints it
//! (text stays text, Chinese included, with the fonts the system has). No browser is bundled.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Browsers that print with `--headless --print-to-pdf`, in the order they are looked for.
pub const BROWSERS: [&str; 7] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
    "brave-browser",
];

/// A browser found on PATH.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browser {
    /// The command's name (`chromium`), said to the user.
    pub name: String,
    pub path: PathBuf,
}

/// Why printing failed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("cannot prepare a temporary folder: {0}")]
    Temp(std::io::Error),
    #[error("cannot start it: {0}")]
    Start(std::io::Error),
    #[error("it did not finish within {0} seconds")]
    Timeout(u64),
    #[error("it wrote no PDF ({0})")]
    NoPdf(String),
}

/// The first browser of `BROWSERS` on PATH.
pub fn find_browser() -> Option<Browser> {
    let path = std::env::var_os("PATH")?;
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| is_executable(p))
            .map(|path| Browser {
                name: (*name).to_string(),
                path,
            })
    })
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Prints `html` to PDF bytes with `browser` (A4, the report's own print styles).
pub fn print(browser: &Browser, html: &[u8]) -> Result<Vec<u8>, PdfError> {
    let dir = TempDir::new().map_err(PdfError::Temp)?;
    let page = dir.0.join("report.html");
    let pdf = dir.0.join("report.pdf");
    std::fs::write(&page, html).map_err(PdfError::Temp)?;
    let mut cmd = Command::new(&browser.path);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-pdf-header-footer",
    ])
    .arg(format!(
        "--user-data-dir={}",
        dir.0.join("profile").display()
    ))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(format!("file://{}", page.display()))
    .env("HOME", &dir.0)
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    if running_as_root() {
        // Chromium refuses to start its sandbox as root (CI machines, containers).
        cmd.arg("--no-sandbox");
    }
    let mut child = cmd.spawn().map_err(PdfError::Start)?;
    let limit = 180;
    let deadline = Instant::now() + Duration::from_secs(limit);
    while child.try_wait().map_err(PdfError::Start)?.is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PdfError::Timeout(limit));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().map_err(PdfError::Start)?;
    match std::fs::read(&pdf) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            Err(PdfError::NoPdf(last.unwrap_or("no message").to_string()))
        }
    }
}

fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A private temporary folder, removed with everything in it when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        use std::os::unix::fs::DirBuilderExt;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("assess-pdf-{}-{nanos}", std::process::id()));
        std::fs::DirBuilder::new().mode(0o700).create(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
