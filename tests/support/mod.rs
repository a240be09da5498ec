//! Running the real `assess` binary in a pseudo-terminal, for end-to-end tests.
//!
//! The child gets a private HOME, XDG dirs and sessions dir under a temp dir. Its output is
//! parsed by a vt100 screen; tests poll the screen text with a generous deadline and print the
//! whole screen when it runs out, so a slow machine never fails a test.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test gives up (not a timing assertion).
pub const DEADLINE: Duration = Duration::from_secs(20);

/// The path of the binary under test.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_assess")
}

/// A private home for the child: `HOME`, XDG dirs and the sessions dir.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn sessions(&self) -> PathBuf {
        self.path().join("sessions")
    }

    /// Environment for a child process.
    pub fn env(&self) -> Vec<(String, String)> {
        let p = |s: &str| self.path().join(s).display().to_string();
        vec![
            ("HOME".into(), p("")),
            ("XDG_DATA_HOME".into(), p("data")),
            ("XDG_CONFIG_HOME".into(), p("config")),
            ("XDG_STATE_HOME".into(), p("state")),
            (
                "ASSESS_SESSIONS_DIR".into(),
                self.sessions().display().to_string(),
            ),
            ("ASSESS_USER".into(), "tester".into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
        ]
    }

    /// Runs the binary to completion without a terminal (e.g. `summary --json`).
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(binary())
            .args(args)
            .envs(self.env())
            .current_dir(self.path())
            .output()
            .expect("run assess")
    }

    /// The session files in the sessions dir.
    pub fn session_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.sessions())
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }
}

impl Default for Home {
    fn default() -> Self {
        Self::new()
    }
}

/// The binary running in a pseudo-terminal.
pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    master: Option<Box<dyn MasterPty + Send>>,
    /// Tells the reader thread to close its end after its next read (see `hang_up`).
    closing: Arc<std::sync::atomic::AtomicBool>,
    /// Bytes the program has written to the terminal so far.
    received: Arc<std::sync::atomic::AtomicUsize>,
}

impl Pty {
    /// Spawns `assess ARGS` in a `cols`×`rows` terminal.
    pub fn spawn(home: &Home, args: &[&str], cols: u16, rows: u16) -> Self {
        Self::spawn_with_env(home, args, cols, rows, &[])
    }

    /// `spawn` with more environment variables than the home's.
    pub fn spawn_with_env(
        home: &Home,
        args: &[&str],
        cols: u16,
        rows: u16,
        extra: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(binary());
        cmd.args(args);
        cmd.cwd(home.path());
        for (k, v) in home.env() {
            cmd.env(k, v);
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn assess");
        // Without this the reader never sees end-of-file when the child exits.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| std::num::NonZeroU16::new(n.max(1)).expect("non-zero");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let sink = Arc::clone(&parser);
        let closing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = Arc::clone(&closing);
        let received = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = Arc::clone(&received);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                count.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
                if let Ok(mut p) = sink.lock() {
                    p.process(&buf[..n]);
                }
                if stop.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
            }
        });
        Self {
            parser,
            writer: Some(writer),
            child,
            reader: Some(reader),
            master: Some(pair.master),
            closing,
            received,
        }
    }

    /// How many bytes the program has written to the terminal so far.
    pub fn bytes_received(&self) -> usize {
        self.received.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Closes the terminal as a window manager does: every master descriptor goes away, so
    /// the program's terminal hangs up (SIGHUP, and reads that fail from then on).
    /// `provoke` is a key that makes the program redraw, so the reader thread wakes to close.
    pub fn hang_up(&mut self, provoke: &str) {
        self.closing
            .store(true, std::sync::atomic::Ordering::SeqCst);
        self.send(provoke);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer = None;
        self.master = None;
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after the deadline.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Sends raw bytes (keys as a terminal sends them).
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Sends a signal by number with the system `kill` (e.g. 9 for SIGKILL, 15 for SIGTERM).
    pub fn signal(&self, signal: i32) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} failed");
    }

    /// Waits for the child to exit; panics with the screen after the deadline.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "the program did not exit; the screen was:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = Command::new("kill")
                .arg("-9")
                .arg(self.pid().to_string())
                .status();
            let _ = self.child.wait();
        }
    }
}

/// The text inside the popup titled `title`, its lines joined by spaces (wrapped text reads
/// as one line), or None when no such popup is drawn.
pub fn popup_text(screen: &str, title: &str) -> Option<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains(&format!("┌ {title}")))?;
    let row: String = lines[top].iter().collect();
    let left = row[..row.find(&format!("┌ {title}"))?].chars().count();
    let right = left + lines[top][left..].iter().position(|&c| c == '┐')?;
    let mut words = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') || line.len() <= right {
            break;
        }
        let inside: String = line[left + 1..right].iter().collect();
        words.extend(inside.split_whitespace().map(str::to_string));
    }
    Some(words.join(" "))
}
