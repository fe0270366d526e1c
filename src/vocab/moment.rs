//! Moments in time: when an item is published (`publish:`), and the clock a build
//! judges that by (the system's, or `--now`).

use jiff::Timestamp;
use jiff::tz::Offset;

use super::When;
pub(crate) use super::when::DateProblem;

/// The instant `when` names: its time at the UTC offset written, or in UTC when it has
/// none (a build machine's own time zone would make the same site differ by machine).
pub(crate) fn instant(when: &When) -> Timestamp {
    let offset = Offset::from_seconds(when.offset_minutes.unwrap_or(0) * 60).unwrap_or(Offset::UTC);
    // Offsets are under a day and years four digits: every When is a Timestamp.
    offset.to_timestamp(when.datetime).unwrap_or(Timestamp::MAX)
}

/// `--now`: a date, or a date and time, as `publish:` is written.
pub(crate) fn parse_now(text: &str) -> Result<Timestamp, DateProblem> {
    When::parse(text).map(|when| instant(&when))
}

/// How a moment is shown in messages: as RFC 3339, the offset written (UTC when none).
pub(crate) fn shown(when: &When) -> String {
    when.rfc3339()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_moves_the_instant_and_none_means_utc() {
        let at = |text: &str| instant(&When::parse(text).unwrap());
        assert_eq!(at("2025-12-05T09:00+01:00"), at("2025-12-05T08:00Z"));
        assert_eq!(at("2025-12-05"), at("2025-12-05T00:00:00Z"));
        assert!(at("2025-12-05T09:00+01:00") < at("2025-12-05T08:30"));
        assert_eq!(parse_now("2025-12-05T09:00-05:00").unwrap().to_string(), "2025-12-05T14:00:00Z");
        assert!(parse_now("5 December").is_err());
    }
}
