//! The egui front end: one screen per file.
