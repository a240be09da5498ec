//! Work on another thread, so the workbench never waits for it: hashing evidence (a check of
//! the register, or a file being attached). The core does the work, reporting its progress
//! and obeying a cancel flag; this runs it on a thread and turns what it reports into
//! messages that the app takes and applies between keys.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::session::Progress;

/// What a job says: how far it got, then its result (once).
#[derive(Debug)]
pub enum Message<T> {
    Progress(Progress),
    Done(T),
}

/// A job on another thread: the progress last reported, a way to stop it, its messages.
#[derive(Debug)]
pub struct Job<T> {
    /// How far it got, as last reported.
    pub progress: Progress,
    cancel: Arc<AtomicBool>,
    messages: Receiver<Message<T>>,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work(cancel, progress)` on a new thread. Progress is passed on when its whole
    /// percent changes (a multi-gigabyte file reports thousands of blocks).
    pub fn spawn<F>(work: F) -> Self
    where
        F: FnOnce(&AtomicBool, &mut dyn FnMut(Progress)) -> T + Send + 'static,
    {
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, messages) = mpsc::channel();
        let flag = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let mut shown = None;
            let mut report = |p: Progress| {
                let percent = (p.percent(), p.files_done);
                if shown != Some(percent) {
                    shown = Some(percent);
                    // The receiver is gone when the job was dropped: nobody is waiting.
                    let _ = send.send(Message::Progress(p));
                }
            };
            let result = work(&flag, &mut report);
            let _ = send.send(Message::Done(result));
        });
        Self {
            progress: Progress::default(),
            cancel,
            messages,
        }
    }
}

impl<T> Job<T> {
    /// Takes the messages that arrived: the result when it is done, None while it runs (or
    /// when its thread died without one, see `lost`).
    pub fn poll(&mut self) -> Poll<T> {
        loop {
            match self.messages.try_recv() {
                Ok(Message::Progress(p)) => self.progress = p,
                Ok(Message::Done(result)) => return Poll::Done(result),
                Err(TryRecvError::Empty) => return Poll::Running,
                Err(TryRecvError::Disconnected) => return Poll::Lost,
            }
        }
    }

    /// Waits for the result (what the tests, which run without an event loop, do).
    pub fn wait(&mut self) -> Option<T> {
        while let Ok(message) = self.messages.recv() {
            match message {
                Message::Progress(p) => self.progress = p,
                Message::Done(result) => return Some(result),
            }
        }
        None
    }

    /// Asks the work to stop; the core checks the flag between blocks.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<T> Drop for Job<T> {
    /// A job nobody follows any more stops reading at once.
    fn drop(&mut self) {
        self.cancel();
    }
}

/// What `Job::poll` found.
#[derive(Debug)]
pub enum Poll<T> {
    Running,
    Done(T),
    /// The thread ended without a result (it panicked).
    Lost,
}
