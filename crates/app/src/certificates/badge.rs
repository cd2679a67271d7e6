//! The certificate as an Open Badges 3.0 credential (a W3C Verifiable
//! Credential 2.0), signed with a Data Integrity proof using the
//! `eddsa-jcs-2022` cryptosuite:
//!
//! 1. the proof options (`type`, `cryptosuite`, `created`,
//!    `verificationMethod`, `proofPurpose`, and the document's `@context`)
//!    and the credential without `proof` are each canonicalised with JCS;
//! 2. the data signed is SHA-256(options) ‖ SHA-256(credential);
//! 3. the Ed25519 signature is the `proofValue`, multibase base58btc.
//!
//! The issuer is a `did:key` made from this installation's issuer key, so a
//! verifier needs nothing but the credential. [`verify_credential`] redoes
//! the steps and checks the signature.

use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::jcs::canonical;
use super::multibase;
use crate::{msg, AppError, Message, Result};
use qunxue_store::certificates::Certificate;

/// The W3C Verifiable Credentials 2.0 JSON-LD context, first in every credential's `@context`.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The Open Badges 3.0 JSON-LD context, second in every credential's `@context`.
pub const OB3_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const ED25519_PUB_MULTICODEC: [u8; 2] = [0xed, 0x01];

/// What the credential says about the course besides the certificate row.
pub(super) struct BadgeDetails<'a> {
    pub issuer_name: &'a str,
    pub criteria: &'a str,
}

/// The `did:key` of an Ed25519 public key.
pub fn did_key(key: &VerifyingKey) -> String {
    let mut bytes = ED25519_PUB_MULTICODEC.to_vec();
    bytes.extend_from_slice(key.as_bytes());
    format!("did:key:{}", multibase::encode(&bytes))
}

/// The signed credential.
pub(super) fn credential(
    certificate: &Certificate,
    details: &BadgeDetails<'_>,
    key: &SigningKey,
    now: DateTime<Utc>,
) -> Result<Value> {
    let did = did_key(&key.verifying_key());
    let mut document = json!({
        "@context": [VC_CONTEXT, OB3_CONTEXT],
        "id": format!("urn:qunxue:certificate:{}", certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": format!("{} 结业证书", certificate.course_title),
        "issuer": {"id": did, "type": ["Profile"], "name": details.issuer_name},
        "validFrom": certificate.issued_at,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": certificate.learner_name,
                "identityType": "name",
                "hashed": false
            }],
            "achievement": {
                "id": format!("urn:qunxue:course:{}:{}", certificate.course_id, certificate.course_version),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title,
                "description": format!("完成课程《{}》（版本 {}）", certificate.course_title, certificate.course_version),
                "criteria": {"narrative": details.criteria}
            }
        }
    });
    let fragment = did.trim_start_matches("did:key:");
    let mut proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "verificationMethod": format!("{did}#{fragment}"),
        "proofPurpose": "assertionMethod",
        "@context": document["@context"].clone(),
    });
    let signature = key.sign(&hash_data(&proof, &document)?);
    proof["proofValue"] = Value::String(multibase::encode(&signature.to_bytes()));
    document["proof"] = proof;
    Ok(document)
}

fn hash_data(proof_options: &Value, unsecured: &Value) -> Result<Vec<u8>> {
    let mut data = Sha256::digest(canonical(proof_options)?.as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(canonical(unsecured)?.as_bytes()));
    Ok(data)
}

/// What a verified credential file says, for `qunxue certificate verify FILE`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckedCredential {
    /// The learner's name as the credential states it (`identityHash`, not hashed).
    pub learner_name: String,
    /// The course title, the achievement's name.
    pub course_title: String,
    /// `urn:qunxue:course:{id}:{version}`.
    pub achievement_id: String,
    /// When the certificate was issued (the credential's `validFrom`, RFC 3339).
    pub valid_from: String,
    /// The issuing organisation's name (the course's organisation, or 群学 Qunxue).
    pub issuer_name: String,
    /// The issuer's `did:key`: the key that signed it. The same issuer
    /// (installation) signs every credential with the same key.
    pub issuer_id: String,
}

/// Reads a credential file (as `export_credential` writes it) and checks its
/// proof: it verifies anywhere, with nothing but the file.
pub fn check_credential_file(path: &std::path::Path) -> Result<CheckedCredential> {
    let text = std::fs::read_to_string(path).map_err(AppError::read(path))?;
    let shown = path.display();
    let credential: Value = serde_json::from_str(&text).map_err(|e| {
        let line = e.line();
        AppError::Rejected(msg!(
            "{shown}: not a credential (JSON, line {line}: {e})",
            "{shown}：不是凭证文件（JSON 第 {line} 行：{e}）"
        ))
    })?;
    verify_credential(&credential).map_err(|e| {
        let Message { en, zh } = e.message();
        AppError::Rejected(msg!("{shown}: {en}", "{shown}：{zh}"))
    })?;
    let text_at = |pointer: &str| credential.pointer(pointer).and_then(Value::as_str).unwrap_or_default().to_string();
    Ok(CheckedCredential {
        learner_name: text_at("/credentialSubject/identifier/0/identityHash"),
        course_title: text_at("/credentialSubject/achievement/name"),
        achievement_id: text_at("/credentialSubject/achievement/id"),
        valid_from: text_at("/validFrom"),
        issuer_name: text_at("/issuer/name"),
        issuer_id: text_at("/issuer/id"),
    })
}

/// Checks the `eddsa-jcs-2022` proof of a credential against the `did:key`
/// its verification method names.
pub fn verify_credential(credential: &Value) -> Result<()> {
    let refuse = |why: Message| {
        let (why_en, why_zh) = (why.en, why.zh);
        AppError::Rejected(msg!("the credential does not verify: {why_en}", "凭证验证未通过：{why_zh}"))
    };
    let mut unsecured = credential.clone();
    let mut proof = unsecured
        .as_object_mut()
        .and_then(|o| o.remove("proof"))
        .ok_or_else(|| refuse(msg!("it has no proof", "它没有证明（proof）")))?;
    if proof["cryptosuite"] != "eddsa-jcs-2022" || proof["type"] != "DataIntegrityProof" {
        return Err(refuse(msg!(
            "the proof is not an eddsa-jcs-2022 Data Integrity proof",
            "证明不是 eddsa-jcs-2022 数据完整性（Data Integrity）证明"
        )));
    }
    let value = proof
        .as_object_mut()
        .and_then(|o| o.remove("proofValue"))
        .and_then(|v| v.as_str().and_then(multibase::decode))
        .ok_or_else(|| {
            refuse(msg!("the proof value is not multibase base58btc", "证明值不是 multibase base58btc 编码"))
        })?;
    let signature = Signature::from_slice(&value)
        .map_err(|_| refuse(msg!("the proof value is not an Ed25519 signature", "证明值不是 Ed25519 签名")))?;
    if proof.get("@context") != unsecured.get("@context") {
        return Err(refuse(msg!(
            "the proof's @context differs from the credential's",
            "证明的 @context 与凭证的不一致"
        )));
    }
    let method = proof["verificationMethod"].as_str().unwrap_or_default();
    let did = method.split('#').next().unwrap_or_default();
    if unsecured["issuer"]["id"] != did {
        return Err(refuse(msg!("the proof was not made by the issuer's key", "证明不是用颁发者的密钥生成的")));
    }
    let key_bytes = did
        .strip_prefix("did:key:")
        .and_then(multibase::decode)
        .filter(|b| b.len() == 34 && b[..2] == ED25519_PUB_MULTICODEC)
        .ok_or_else(|| {
            refuse(msg!("the verification method is not an Ed25519 did:key", "验证方法不是 Ed25519 did:key"))
        })?;
    let key = VerifyingKey::try_from(&key_bytes[2..])
        .map_err(|_| refuse(msg!("the issuer key is not a valid Ed25519 key", "颁发者密钥不是有效的 Ed25519 密钥")))?;
    key.verify(&hash_data(&proof, &unsecured)?, &signature)
        .map_err(|_| refuse(msg!("the signature does not match its content", "签名与内容不符")))
}
