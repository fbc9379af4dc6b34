//! The framing shared by the model files: a magic, a language code, little-endian numbers,
//! and a trailing FNV-1a 64 checksum, so that a truncated, corrupt or mismatched file is
//! refused with an error naming it.

use crate::ModelError;

/// FNV-1a 64.
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

pub(crate) struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn new(magic: &[u8; 8], lang: &str) -> Writer {
        let mut bytes = magic.to_vec();
        let mut code = [0u8; 4];
        for (slot, byte) in code.iter_mut().zip(lang.bytes().take(3)) {
            *slot = byte;
        }
        bytes.extend_from_slice(&code);
        Writer { bytes }
    }

    pub(crate) fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    pub(crate) fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    pub(crate) fn string(&mut self, value: &str) {
        self.u32(value.len() as u32);
        self.bytes(value.as_bytes());
    }

    pub(crate) fn finish(mut self) -> Vec<u8> {
        let sum = checksum(&self.bytes);
        self.bytes.extend_from_slice(&sum.to_le_bytes());
        self.bytes
    }
}

pub(crate) struct Reader<'a> {
    file: String,
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    /// Checks the checksum, the magic and the language before anything is read.
    pub(crate) fn new(file: &str, magic: &[u8; 8], lang: &str, bytes: &'a [u8]) -> Result<Reader<'a>, ModelError> {
        let corrupt = |message: String| ModelError::Corrupt { file: file.to_owned(), message };
        if bytes.len() < 8 + 4 + 8 {
            return Err(corrupt(format!("{} bytes are too few for a model file", bytes.len())));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let expected = u64::from_le_bytes(sum.try_into().map_err(|_| corrupt("no checksum".to_owned()))?);
        if &body[..8] != magic {
            return Err(corrupt(format!(
                "not a {} file (its first bytes are {:?})",
                String::from_utf8_lossy(&magic[..7]),
                String::from_utf8_lossy(&body[..8])
            )));
        }
        if checksum(body) != expected {
            return Err(corrupt("the checksum does not match: the file is damaged or truncated".to_owned()));
        }
        let code = String::from_utf8_lossy(&body[8..12]).trim_end_matches('\0').to_owned();
        if code != lang {
            return Err(ModelError::Mismatch {
                file: file.to_owned(),
                message: format!("it is for language {code}, not {lang}"),
            });
        }
        Ok(Reader { file: file.to_owned(), bytes: body, position: 12 })
    }

    pub(crate) fn corrupt(&self, message: &str) -> ModelError {
        ModelError::Corrupt { file: self.file.clone(), message: format!("{message} (at byte {})", self.position) }
    }

    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], ModelError> {
        let end = self.position.checked_add(len).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.corrupt("the file ends early"))?;
        let slice = &self.bytes[self.position..end];
        self.position = end;
        Ok(slice)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.bytes(1)?[0])
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ModelError> {
        let bytes = self.bytes(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    pub(crate) fn u64(&mut self) -> Result<u64, ModelError> {
        let bytes = self.bytes(8)?;
        let mut array = [0u8; 8];
        array.copy_from_slice(bytes);
        Ok(u64::from_le_bytes(array))
    }

    pub(crate) fn string(&mut self) -> Result<String, ModelError> {
        let len = self.u32()? as usize;
        let bytes = self.bytes(len)?;
        std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| self.corrupt("a string is not UTF-8"))
    }

    pub(crate) fn end(&self) -> Result<(), ModelError> {
        if self.position != self.bytes.len() {
            return Err(self.corrupt("unexpected bytes after the end"));
        }
        Ok(())
    }
}
