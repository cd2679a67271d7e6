//! How numbers read in the report (Chinese conventions): thousands
//! separators, sensible decimals, percentage points for rates, p-values.

/// `1234.5` → `1,234.5`; the number of decimals follows the magnitude so
/// that sales read as whole yuan and rates keep one decimal.
pub fn number(value: f64) -> String {
    let decimals = if value.abs() >= 1000.0 {
        0
    } else if value.abs() >= 1.0 || value == 0.0 {
        1
    } else {
        2
    };
    group_thousands(&format!("{value:.decimals$}"))
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A level of a metric: `18.5%`, `1,234 元`, `42 人`.
pub fn level(value: f64, unit: &str) -> String {
    match unit {
        "%" => format!("{}%", number(value)),
        "" => number(value),
        unit => format!("{} {unit}", number(value)),
    }
}

/// A change of a metric, without sign: rates change by percentage points.
pub fn amount(value: f64, unit: &str) -> String {
    match unit {
        "%" => format!("{} 个百分点", number(value.abs())),
        "" => number(value.abs()),
        unit => format!("{} {unit}", number(value.abs())),
    }
}

/// An interval `a–b` in the metric's unit (points for rates).
pub fn interval(ci: [f64; 2]) -> String {
    format!("{}–{}", number(ci[0]), number(ci[1]))
}

/// `p = 0.032` or `p < 0.001`.
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_owned()
    } else {
        format!("p = {p:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(number(126000.0), "126,000");
        assert_eq!(number(-1234.56), "-1,235");
        assert_eq!(number(6.24), "6.2");
        assert_eq!(number(0.604), "0.60");
        assert_eq!(level(18.46, "%"), "18.5%");
        assert_eq!(amount(-3.0, "件"), "3.0 件");
        assert_eq!(amount(6.2, "%"), "6.2 个百分点");
        assert_eq!(p_value(0.0004), "p < 0.001");
        assert_eq!(p_value(0.03216), "p = 0.032");
    }
}
