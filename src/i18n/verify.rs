//! What `assess finalize`, `assess reopen` and `assess verify` say about a session, in the
//! session's language (the pre-flight list itself is in `signoff.rs`).

/// The sign-off commands' texts in one language.
#[derive(Debug)]
pub struct Verify {
    /// `{path}`, `{by}`, `{at}`, `{how}`, then the hash on its own line: `{hash}`.
    pub signed_off: &'static str,
    pub with_key: &'static str,
    pub without_key: &'static str,
    /// `{path}`, `{by}`, `{reason}`.
    pub reopened: &'static str,
    /// `{path}`.
    pub not_final: &'static str,
    /// `{path}`, `{by}`, `{at}`; the reasons follow, one a line.
    pub mismatch: &'static str,
    /// `{path}`, `{by}`, `{at}`, `{hash}`.
    pub intact: &'static str,
    pub older_sign_off: &'static str,
    /// `{key}`, `{principal}`.
    pub signed_by: &'static str,
    pub unsigned: &'static str,
    /// `{key}`.
    pub unknown_signer: &'static str,
    /// `{why}`.
    pub bad_signature: &'static str,
    /// `{why}`.
    pub unchecked: &'static str,
    /// Why a final session does not verify, in `MismatchReason` order; the last has `{error}`.
    pub reasons: [&'static str; 4],
}

pub static EN: Verify = Verify {
    signed_off: "{path}: signed off as final by {by} at {at} ({how})\n{hash}",
    with_key: "signed with the SSH key",
    without_key: "not signed with a key: integrity only",
    reopened: "{path}: reopened by {by}: {reason}",
    not_final: "{path}: not signed off: nothing to verify (assess finalize signs it off)",
    mismatch: "{path}: MISMATCH: changed after {by} signed it off at {at}:",
    intact: "{path}: content intact: final, signed off by {by} at {at}\n{hash}",
    older_sign_off: "note: this sign-off was made by an older assess: its hash covers the answers, evidence, findings and participants, not the title, names, dates or history",
    signed_by: "signed by {key} ({principal})",
    unsigned: "not signed: integrity only (anyone who can edit the file can recompute this hash; sign off with `assess finalize --key` to sign)",
    unknown_signer: "signed by {key}, a valid signature, but whose key it is was not checked: give --allowed-signers FILE",
    bad_signature: "SIGNATURE NOT VALID: {why}",
    unchecked: "signature not checked: {why}",
    reasons: [
        "the content differs from what was signed off",
        "the history has no sign-off entry with this hash (it was removed or rewritten)",
        "its model's content changed since the sign-off",
        "its model cannot be loaded ({error})",
    ],
};

pub static ZH: Verify = Verify {
    signed_off: "{path}：已由 {by} 于 {at} 签署定稿（{how}）\n{hash}",
    with_key: "已用 SSH 密钥签名",
    without_key: "未用密钥签名：仅校验完整性",
    reopened: "{path}：已由 {by} 重新打开：{reason}",
    not_final: "{path}：尚未签署定稿，无可校验（用 assess finalize 签署定稿）",
    mismatch: "{path}：不一致：{by} 于 {at} 签署定稿后内容已更改：",
    intact: "{path}：内容完整：已定稿，由 {by} 于 {at} 签署\n{hash}",
    older_sign_off: "注意：此签署由旧版 assess 做出：其哈希覆盖作答、证据、发现项和参与人，不含标题、姓名、日期和历史记录",
    signed_by: "由 {key}（{principal}）签名",
    unsigned: "未签名：仅校验完整性（能编辑文件的人都能重新计算此哈希；用 `assess finalize --key` 签署以签名）",
    unknown_signer: "由 {key} 签名，签名有效，但未核实这是谁的密钥：请提供 --allowed-signers FILE",
    bad_signature: "签名无效：{why}",
    unchecked: "未校验签名：{why}",
    reasons: [
        "内容与签署时不同",
        "修改记录中没有该哈希的签署条目（已被删除或改写）",
        "签署之后它的模型内容已更改",
        "它的模型无法加载（{error}）",
    ],
};
