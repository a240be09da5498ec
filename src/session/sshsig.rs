//! Signed sign-offs: the sign-off hash signed with the signer's SSH key, in the format
//! `ssh-keygen -Y sign` makes (the one git uses for signed commits), and checked against an
//! allowed-signers file (`principal key-type key` per line, as git's `gpg.ssh.allowedSignersFile`).
//!
//! Signing and checking run OpenSSH's `ssh-keygen`, as git does: the private key (or the agent
//! holding it) never passes through this program, and no cryptography is written here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The signature namespace: a signature made for anything else (a commit, a file) is refused.
pub const NAMESPACE: &str = "assess-signoff";

/// What a sign-off's signature says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureCheck {
    /// No signature: the hash proves integrity only against someone who cannot recompute it.
    Unsigned,
    /// A valid signature by a key the allowed-signers file names.
    Good { principal: String, key: String },
    /// The signature is valid, but no allowed-signers file was given to say whose key it is.
    ValidUnknownSigner { key: String },
    /// The signature does not verify, or its key is not an allowed signer (why).
    Bad(String),
    /// It could not be checked (why: `ssh-keygen` missing, unreadable file).
    Unchecked(String),
}

/// What is signed: the sign-off hash, which covers the content, the signer's name and time.
pub fn message(hash: &str) -> Vec<u8> {
    format!("assess sign-off {hash}\n").into_bytes()
}

/// Signs `hash` with the key at `key` (a private key file, or a public key whose private half
/// an `ssh-agent` holds); returns the armored signature.
pub fn sign(key: &Path, hash: &str) -> Result<String, String> {
    let out = run(
        Command::new("ssh-keygen")
            .args(["-q", "-Y", "sign", "-n", NAMESPACE, "-f"])
            .arg(key),
        &message(hash),
    )?;
    if !out.status.success() {
        return Err(format!(
            "ssh-keygen could not sign with {}: {}",
            key.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !text.starts_with("-----BEGIN SSH SIGNATURE-----") {
        return Err("ssh-keygen did not return a signature".to_string());
    }
    Ok(text)
}

/// Checks a sign-off's signature over `hash` against `allowed` (an allowed-signers file).
pub fn check(signature: Option<&str>, hash: &str, allowed: Option<&Path>) -> SignatureCheck {
    let Some(signature) = signature else {
        return SignatureCheck::Unsigned;
    };
    let file = match SignatureFile::write(signature) {
        Ok(f) => f,
        Err(e) => return SignatureCheck::Unchecked(format!("cannot write a temporary file: {e}")),
    };
    match allowed {
        Some(allowed) => check_allowed(&file.0, hash, allowed),
        None => check_any(&file.0, hash),
    }
}

fn check_allowed(sig: &Path, hash: &str, allowed: &Path) -> SignatureCheck {
    let found = run(
        Command::new("ssh-keygen")
            .args(["-Y", "find-principals", "-s"])
            .arg(sig)
            .arg("-f")
            .arg(allowed),
        b"",
    );
    let principals = match found {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).to_string(),
        Ok(_) => {
            return SignatureCheck::Bad(format!(
                "its key is not an allowed signer in {}",
                allowed.display()
            ));
        }
        Err(e) => return SignatureCheck::Unchecked(e),
    };
    let Some(principal) = principals.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return SignatureCheck::Bad("its key is not an allowed signer".to_string());
    };
    let verified = run(
        Command::new("ssh-keygen")
            .args(["-Y", "verify", "-n", NAMESPACE, "-f"])
            .arg(allowed)
            .args(["-I", principal, "-s"])
            .arg(sig),
        &message(hash),
    );
    match verified {
        Ok(out) if out.status.success() => SignatureCheck::Good {
            principal: principal.to_string(),
            key: key_of(&out.stdout),
        },
        Ok(out) => SignatureCheck::Bad(format!(
            "the signature does not match this sign-off ({})",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => SignatureCheck::Unchecked(e),
    }
}

fn check_any(sig: &Path, hash: &str) -> SignatureCheck {
    let verified = run(
        Command::new("ssh-keygen")
            .args(["-Y", "check-novalidate", "-n", NAMESPACE, "-s"])
            .arg(sig),
        &message(hash),
    );
    match verified {
        Ok(out) if out.status.success() => SignatureCheck::ValidUnknownSigner {
            key: key_of(&out.stdout),
        },
        Ok(out) => SignatureCheck::Bad(format!(
            "the signature does not match this sign-off ({})",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => SignatureCheck::Unchecked(e),
    }
}

/// The key fingerprint in ssh-keygen's "Good … signature … with ED25519 key SHA256:…".
fn key_of(stdout: &[u8]) -> String {
    let text = String::from_utf8_lossy(stdout);
    text.split_once(" with ")
        .map_or(text.trim(), |(_, key)| key.trim())
        .to_string()
}

/// Runs a command with `input` on its standard input.
fn run(command: &mut Command, input: &[u8]) -> Result<std::process::Output, String> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run ssh-keygen (OpenSSH): {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input closes the pipe: not an error here.
        let _ = stdin.write_all(input);
    }
    child
        .wait_with_output()
        .map_err(|e| format!("ssh-keygen failed: {e}"))
}

/// A signature in a private temporary file (ssh-keygen reads signatures from files), removed
/// when dropped.
struct SignatureFile(PathBuf);

impl SignatureFile {
    fn write(signature: &str) -> std::io::Result<Self> {
        let path = std::env::temp_dir().join(format!(
            "assess-signoff-{}.sig",
            super::safe_fs::unpredictable()
        ));
        let mut file = super::safe_fs::create_new_private(&path)?;
        let file_guard = Self(path);
        file.write_all(signature.as_bytes())?;
        file.write_all(b"\n")?;
        Ok(file_guard)
    }
}

impl Drop for SignatureFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
