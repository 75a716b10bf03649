//! Headless commands: `import`, `check`, `cards`, `stats`.
