//! Dates as editors write them: `YYYY-MM-DD` (optionally with a time), `YYYY-MM` or
//! `YYYY` when no more is known, and `~` first when the date is approximate. The one
//! place dates are read, shown and ordered.

use jiff::civil::{Date, DateTime};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) enum Precision {
    Year,
    Month,
    #[default]
    Day,
}

/// A calendar date with an optional time of day (no time zone: briefings are dated
/// where things happened), known to the day, the month or the year, exactly or
/// approximately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(crate) struct When {
    /// The date and time as written, in the place's own time; a month or a year is
    /// held as its first day.
    pub(crate) datetime: DateTime,
    pub(crate) has_time: bool,
    /// The UTC offset written after the time (`Z`, `+02:00`), in minutes.
    pub(crate) offset_minutes: Option<i32>,
    pub(crate) precision: Precision,
    /// Written with `~`: shown "c. …".
    pub(crate) approximate: bool,
}

/// The order of the dates as ISO 8601 writes them (`2025` < `2025-11` < `2025-11-01` <
/// `2025-11-01T09:00`): a less precise date comes before every date within it, so that
/// the open data sorted as text is in the same order; an approximate date right after
/// the exact one it approximates.
impl Ord for When {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |w: &When| (w.datetime, w.precision, w.has_time, w.approximate, w.offset_minutes);
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Why a date cannot be read, said in words after "is not a valid date: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Not `YYYY-MM-DD` at the start.
    Shape,
    /// The year, month or day (named) is not a number.
    Number(&'static str),
    NoSuchMonth(i8),
    /// The day is past the month's last (`days`).
    NoSuchDay {
        month: i8,
        year: i16,
        days: i8,
    },
    /// The offset after the time, as written, is not `±HH:MM`, `±HHMM` or `±HH`.
    OffsetShape(String),
    /// The offset after the time, as written, is a day or more.
    Offset(String),
    /// What follows the date is not a time.
    Time,
    /// `~` before a date with a time of day.
    ApproximateTime,
}

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateProblem::Shape => f.write_str("expected YYYY-MM-DD, YYYY-MM or YYYY"),
            DateProblem::Number(what) => write!(f, "bad {what}"),
            DateProblem::NoSuchMonth(month) => write!(f, "there is no month {month}"),
            DateProblem::NoSuchDay { month, year, days } => {
                write!(f, "{} {year} has {days} days", MONTHS[(month - 1) as usize])
            }
            DateProblem::OffsetShape(tail) => {
                write!(f, "`{tail}` is not an offset from UTC: write it as `+02:00` (or `Z` for UTC)")
            }
            DateProblem::Offset(tail) => {
                write!(f, "`{tail}` is not an offset from UTC, which runs from -23:59 to +23:59")
            }
            DateProblem::Time => f.write_str("the time after the date should look like `T14:30` or ` 14:30:00`"),
            DateProblem::ApproximateTime => f.write_str("an approximate date (`~`) has no time of day"),
        }
    }
}

impl std::error::Error for DateProblem {}

impl When {
    /// Parses `2025-12-02`, `2025-12-02T14:30`, `2025-12-02 14:30:00`, an RFC 3339
    /// timestamp, `2025-12` or `2025`, each but those with a time also after `~`; the
    /// error says what is wrong.
    pub(crate) fn parse(text: &str) -> Result<When, DateProblem> {
        let text = text.trim();
        let (approximate, text) = match text.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let reduced = match text.as_bytes() {
            [_, _, _, _] if digits(text) => Some((Precision::Year, 1)),
            [_, _, _, _, b'-', _, _] if digits(&text[..4]) && digits(&text[5..]) => {
                let month: i8 = text[5..].parse().map_err(|_| DateProblem::Number("month"))?;
                if !(1..=12).contains(&month) {
                    return Err(DateProblem::NoSuchMonth(month));
                }
                Some((Precision::Month, month))
            }
            _ => None,
        };
        if let Some((precision, month)) = reduced {
            let year: i16 = text[..4].parse().map_err(|_| DateProblem::Number("year"))?;
            let date = Date::new(year, month, 1).map_err(|_| DateProblem::Number("year"))?;
            let datetime = date.to_datetime(jiff::civil::Time::midnight());
            return Ok(When { datetime, has_time: false, offset_minutes: None, precision, approximate });
        }
        let when = When::parse_day(text)?;
        if approximate && when.has_time {
            return Err(DateProblem::ApproximateTime);
        }
        Ok(When { approximate, ..when })
    }

    /// A date known to the day, with its time if it has one.
    fn parse_day(text: &str) -> Result<When, DateProblem> {
        let date_part = text.get(..10).unwrap_or(text);
        let bytes = date_part.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateProblem::Shape);
        }
        let year: i16 = date_part[..4].parse().map_err(|_| DateProblem::Number("year"))?;
        let month: i8 = date_part[5..7].parse().map_err(|_| DateProblem::Number("month"))?;
        let day: i8 = date_part[8..10].parse().map_err(|_| DateProblem::Number("day"))?;
        if !(1..=12).contains(&month) {
            return Err(DateProblem::NoSuchMonth(month));
        }
        let date = Date::new(year, month, day).map_err(|_| {
            let days = Date::new(year, month, 1).map(|d| d.days_in_month()).unwrap_or(31);
            DateProblem::NoSuchDay { month, year, days }
        })?;
        let rest = &text[10..];
        let day = When { datetime: date.to_datetime(jiff::civil::Time::midnight()), ..When::default() };
        if rest.is_empty() {
            return Ok(day);
        }
        // An offset is kept as written: the calendar day is the one where it happened.
        let (local, offset_minutes) = split_offset(text)?;
        let normalised = local.replacen(' ', "T", 1);
        match normalised.parse::<DateTime>() {
            Ok(datetime) => Ok(When { datetime, has_time: true, offset_minutes, ..day }),
            Err(_) => Err(DateProblem::Time),
        }
    }

    pub(crate) fn date(&self) -> Date {
        self.datetime.date()
    }

    /// The date in ISO 8601 as far as it is known: `2025-12-02`, `2025-12` or `2025`
    /// (the open data's `date`, and a `<time>`'s `datetime`); no `~`, no time.
    pub(crate) fn ymd(&self) -> String {
        let d = self.date();
        match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{:04}", d.year()),
        }
    }

    /// How precise the date is, for the open data's `date_precision`: `day`, `month`,
    /// `year`, or `approximate-day` … when written with `~`.
    pub(crate) fn precision_name(&self) -> &'static str {
        match (self.approximate, self.precision) {
            (false, Precision::Day) => "day",
            (false, Precision::Month) => "month",
            (false, Precision::Year) => "year",
            (true, Precision::Day) => "approximate-day",
            (true, Precision::Month) => "approximate-month",
            (true, Precision::Year) => "approximate-year",
        }
    }

    /// Whether this date is over before `other` begins: a month ends with its last day,
    /// a year with its last; on one day, by their times when both have one.
    pub(crate) fn surely_before(&self, other: &When) -> bool {
        let end = match self.precision {
            Precision::Day => self.date(),
            Precision::Month => self.date().last_of_month(),
            Precision::Year => self.date().last_of_year(),
        };
        let start = other.date();
        if end != start {
            return end < start;
        }
        let both_timed = self.has_time && other.has_time;
        self.precision == Precision::Day
            && other.precision == Precision::Day
            && both_timed
            && self.datetime < other.datetime
    }

    /// Known to the day and not approximate.
    pub(crate) fn is_exact(&self) -> bool {
        self.precision == Precision::Day && !self.approximate
    }

    /// `2 December 2025`, `December 2025` or `2025`, after `c. ` when approximate.
    pub(crate) fn display(&self) -> String {
        let d = self.date();
        let month = MONTHS[(d.month() - 1) as usize];
        let shown = match self.precision {
            Precision::Day => format!("{} {month} {}", d.day(), d.year()),
            Precision::Month => format!("{month} {}", d.year()),
            Precision::Year => d.year().to_string(),
        };
        if self.approximate { format!("c. {shown}") } else { shown }
    }

    /// `December 2025`: the month it falls in (the timeline's groups); a date known
    /// only to the year, the year.
    pub(crate) fn month_label(&self) -> String {
        let d = self.date();
        match self.precision {
            Precision::Year => d.year().to_string(),
            _ => format!("{} {}", MONTHS[(d.month() - 1) as usize], d.year()),
        }
    }

    /// RFC 3339 with the offset as written (UTC when none was), for feeds; a month or a
    /// year as its first day.
    pub(crate) fn rfc3339(&self) -> String {
        let dt = self.datetime;
        let offset = match self.offset_minutes {
            None | Some(0) => "Z".to_owned(),
            Some(m) => format!("{}{:02}:{:02}", if m < 0 { '-' } else { '+' }, m.abs() / 60, m.abs() % 60),
        };
        let d = self.date();
        let (hour, minute, second) = (dt.hour(), dt.minute(), dt.second());
        format!("{:04}-{:02}-{:02}T{hour:02}:{minute:02}:{second:02}{offset}", d.year(), d.month(), d.day())
    }
}

/// Splits `2025-12-02T23:30:00-05:00` into the local part and the offset in minutes.
/// The offset may be written `±HH:MM`, `±HHMM` or `±HH` (ISO 8601); anything else after
/// a sign is an error, as is an offset of 24 hours or more, or of 60 minutes or more.
fn split_offset(text: &str) -> Result<(&str, Option<i32>), DateProblem> {
    if let Some(local) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return Ok((local, Some(0)));
    }
    // A sign after the date's own dashes starts the offset.
    let Some(sign_at) = text.get(10..).and_then(|time| time.rfind(['+', '-'])).map(|i| i + 10) else {
        return Ok((text, None));
    };
    let (local, tail) = text.split_at(sign_at);
    let digits: Vec<u8> = tail[1..].bytes().filter(|b| *b != b':').collect();
    let colons = tail[1..].bytes().filter(|b| *b == b':').count();
    let shaped = match digits.len() {
        2 => colons == 0,
        4 => colons == 0 || (colons == 1 && tail.as_bytes().get(3) == Some(&b':')),
        _ => false,
    };
    if !shaped || !digits.iter().all(u8::is_ascii_digit) {
        return Err(DateProblem::OffsetShape(tail.to_owned()));
    }
    let number = |i: usize| digits.get(i..i + 2).map_or(0, |d| i32::from(d[0] - b'0') * 10 + i32::from(d[1] - b'0'));
    let (hours, minutes) = (number(0), number(2));
    if hours > 23 || minutes > 59 {
        return Err(DateProblem::Offset(tail.to_owned()));
    }
    let offset = hours * 60 + minutes;
    Ok((local, Some(if tail.starts_with('-') { -offset } else { offset })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_in_every_iso_form_or_refused() {
        for (written, minutes) in [("+03:00", 180), ("+0300", 180), ("+03", 180), ("-05:30", -330), ("-0530", -330)] {
            let when = When::parse(&format!("2025-12-02T14:30{written}")).unwrap();
            assert_eq!(when.offset_minutes, Some(minutes), "{written}");
        }
        // Was accepted, and the offset dropped (the time taken as UTC).
        assert_eq!(When::parse("2025-12-02T14:30+0300").unwrap().rfc3339(), "2025-12-02T14:30:00+03:00");
        for bad in ["+3", "+030", "+03:0", "+03:00:00", "+0a:00", "+99:00", "-05:60"] {
            assert!(When::parse(&format!("2025-12-02T14:30{bad}")).is_err(), "{bad} was let through");
        }
    }

    #[test]
    fn accepts_dates_and_times() {
        assert_eq!(When::parse("2025-12-02").unwrap().display(), "2 December 2025");
        assert!(When::parse("2025-12-02T14:30").unwrap().has_time);
        assert_eq!(When::parse("2025-12-02 14:30:00").unwrap().rfc3339(), "2025-12-02T14:30:00Z");
        let late = When::parse("2025-12-02T23:30:00-05:00").unwrap();
        assert_eq!((late.ymd().as_str(), late.rfc3339().as_str()), ("2025-12-02", "2025-12-02T23:30:00-05:00"));
    }

    #[test]
    fn offsets_beyond_a_day_are_refused() {
        assert_eq!(When::parse("2025-12-02T10:00:00+23:59").unwrap().rfc3339(), "2025-12-02T10:00:00+23:59");
        assert_eq!(When::parse("2025-12-02T10:00:00-23:59").unwrap().offset_minutes, Some(-1439));
        for (offset, tail) in [("+99:00", "+99:00"), ("-24:00", "-24:00"), ("+12:60", "+12:60")] {
            assert_eq!(
                When::parse(&format!("2025-12-02T10:00:00{offset}")).unwrap_err().to_string(),
                format!("`{tail}` is not an offset from UTC, which runs from -23:59 to +23:59")
            );
        }
    }

    #[test]
    fn rejects_impossible_dates_in_words() {
        assert_eq!(When::parse("2015-02-30").unwrap_err().to_string(), "February 2015 has 28 days");
        assert_eq!(When::parse("2025-13-01").unwrap_err().to_string(), "there is no month 13");
        assert_eq!(When::parse("2 Dec 2025").unwrap_err().to_string(), "expected YYYY-MM-DD, YYYY-MM or YYYY");
    }

    #[test]
    fn months_years_and_approximate_dates_say_how_precise_they_are() {
        let shown = |text: &str| {
            let w = When::parse(text).unwrap();
            (w.display(), w.ymd(), w.precision_name())
        };
        assert_eq!(shown("2025-11"), ("November 2025".into(), "2025-11".into(), "month"));
        assert_eq!(shown("2025"), ("2025".into(), "2025".into(), "year"));
        assert_eq!(shown("~2025-11-20"), ("c. 20 November 2025".into(), "2025-11-20".into(), "approximate-day"));
        assert_eq!(shown("~2025-11"), ("c. November 2025".into(), "2025-11".into(), "approximate-month"));
        assert_eq!(shown("~2025"), ("c. 2025".into(), "2025".into(), "approximate-year"));
        assert_eq!(shown("2025-11-20"), ("20 November 2025".into(), "2025-11-20".into(), "day"));
        assert_eq!(When::parse("2025-13").unwrap_err().to_string(), "there is no month 13");
        assert_eq!(When::parse("~2025-11-20T10:00").unwrap_err(), DateProblem::ApproximateTime);
        for bad in ["202", "20255", "2025-1", "~", "~~2025", "2025-11-", "~ 2025", "2025-ab"] {
            assert!(When::parse(bad).is_err(), "{bad} was let through");
        }
    }

    #[test]
    fn a_date_is_surely_before_another_only_when_it_is_over_before_the_other_begins() {
        let w = |t: &str| When::parse(t).unwrap();
        assert!(w("2025-11-21").surely_before(&w("2025-12-02")));
        assert!(w("2025-11").surely_before(&w("2025-12-02")));
        assert!(!w("2025-12").surely_before(&w("2025-12-02")), "December holds the second");
        assert!(!w("2025-12-02").surely_before(&w("2025-12")));
        assert!(!w("2025").surely_before(&w("2025-06")));
        assert!(w("2025-12-02T09:00").surely_before(&w("2025-12-02T10:00")));
        assert!(!w("2025-12-02").surely_before(&w("2025-12-02T10:00")));
    }

    #[test]
    fn a_less_precise_date_sorts_before_every_date_within_it() {
        let written = ["2025-11-01T09:00", "~2025-11-20", "2025", "2025-11-20", "2025-11-01", "~2025-11", "2025-11"];
        let mut dates: Vec<When> = written.iter().map(|t| When::parse(t).unwrap()).collect();
        dates.sort();
        let order: Vec<String> =
            dates.iter().map(|w| format!("{}{}", if w.approximate { "~" } else { "" }, w.ymd())).collect();
        assert_eq!(order, ["2025", "2025-11", "~2025-11", "2025-11-01", "2025-11-01", "2025-11-20", "~2025-11-20"]);
        assert!(dates[4].has_time, "a time sorts after the day alone");
    }
}
