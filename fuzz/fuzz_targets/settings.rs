//! `settings.json` on any bytes, as the app reads it: never a panic; what it accepts,
//! sanitized, always makes a scheduler (so the app always starts), and sanitizing twice
//! changes nothing more.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mensetsu::core::review::scheduler::Scheduler;
use mensetsu::core::settings::Settings;

fuzz_target!(|data: &[u8]| {
    let body = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let Ok(settings) = serde_json::from_slice::<Settings>(body) else {
        return;
    };
    let (sanitized, _fixes) = settings.sanitized();
    let (again, fixes_again) = sanitized.clone().sanitized();
    assert!(fixes_again.is_empty(), "{fixes_again:?}");
    assert_eq!(again, sanitized);
    assert!(
        Scheduler::new(sanitized.scheduler_config()).is_ok(),
        "{sanitized:?}"
    );
});
