//! Texts of the trust work: hashing evidence in the background (its progress, Esc to cancel)
//! and sessions that cannot be read.

/// The trust texts in one language.
#[derive(Debug)]
pub struct Trust {
    /// `{location} {percent}`: a file being hashed, in the status line.
    pub hashing: &'static str,
    pub esc_cancels: &'static str,
    /// Esc while a file is hashed for the register.
    pub hash_cancelled: &'static str,
    /// Esc while the register's files are checked.
    pub check_cancelled: &'static str,
    /// The thread hashing a file ended without a result.
    pub hash_stopped: &'static str,
    /// The home screen's state of a session that cannot be read (permission denied).
    pub unreadable: &'static str,
    /// The home screen's state of a session whose content is not a session.
    pub damaged: &'static str,
}

pub static EN: Trust = Trust {
    hashing: "hashing {location} {percent}%",
    esc_cancels: "Esc cancels",
    hash_cancelled: "hashing cancelled: nothing was added",
    check_cancelled: "evidence check cancelled: the last complete check stays",
    hash_stopped: "the hash stopped",
    unreadable: "UNREADABLE",
    damaged: "DAMAGED",
};

pub static ZH: Trust = Trust {
    hashing: "正在计算哈希 {location} {percent}%",
    esc_cancels: "Esc 取消",
    hash_cancelled: "已取消哈希计算：未添加任何证据",
    check_cancelled: "已取消证据核对：保留上一次完整的核对结果",
    hash_stopped: "哈希计算已中断",
    unreadable: "无法读取",
    damaged: "已损坏",
};
