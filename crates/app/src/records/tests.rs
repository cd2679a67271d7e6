//! Records between two databases through the app's own services: export on
//! one, import on another, idempotent, members not profiles.
