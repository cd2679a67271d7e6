//! Column widths of a PDF table: each column as wide as its widest text when
//! the table fits the page; otherwise the narrow columns (numbers, short
//! headers) keep their width and the wide ones share what is left, wrapping
//! their text inside the column instead of pushing the last column past the
//! right margin.

use super::wrap::widest_word;

/// Widths of columns whose texts (header and cells) are `columns`, each
/// including `padding`, that sum to at most `available`.
pub(super) fn column_widths(
    columns: &[Vec<&str>],
    available: f32,
    padding: f32,
    width: impl Fn(&str) -> f32,
) -> Vec<f32> {
    let widest = |texts: &Vec<&str>, measure: &dyn Fn(&str) -> f32| {
        texts.iter().map(|t| measure(t)).fold(0.0_f32, f32::max) + padding
    };
    let natural: Vec<f32> = columns.iter().map(|texts| widest(texts, &width)).collect();
    let least: Vec<f32> = columns.iter().map(|texts| widest(texts, &|t: &str| widest_word(t, &width))).collect();
    if natural.iter().sum::<f32>() <= available {
        return natural;
    }
    if let Some(widths) = narrow_first(&natural, &least, available) {
        return widths;
    }
    let least_sum = least.iter().sum::<f32>();
    if least_sum <= available {
        // Every column keeps its widest word; the rest is shared in proportion to what each would still like.
        let natural_sum = natural.iter().sum::<f32>();
        let share = (available - least_sum) / (natural_sum - least_sum);
        least.iter().zip(&natural).map(|(l, n)| l + (n - l) * share).collect()
    } else {
        // Not even one word per column fits: words are split (the wrapper's last resort).
        least.iter().map(|l| l * available / least_sum).collect()
    }
}

/// Columns narrower than an equal share of the width left keep their natural
/// width (repeatedly, as the share grows); the wide ones split the rest in
/// proportion to their natural width. `None` when a wide column would then
/// be narrower than its widest word.
fn narrow_first(natural: &[f32], least: &[f32], available: f32) -> Option<Vec<f32>> {
    let mut widths: Vec<Option<f32>> = vec![None; natural.len()];
    let mut left = available;
    loop {
        let open: Vec<usize> = (0..natural.len()).filter(|&i| widths[i].is_none()).collect();
        let fair = left / open.len() as f32;
        let narrow: Vec<usize> = open.iter().copied().filter(|&i| natural[i] <= fair).collect();
        if narrow.is_empty() {
            let wide_sum: f32 = open.iter().map(|&i| natural[i]).sum();
            for &i in &open {
                let share = left * natural[i] / wide_sum;
                if share < least[i] {
                    return None;
                }
                widths[i] = Some(share);
            }
            return widths.into_iter().collect();
        }
        for i in narrow {
            widths[i] = Some(natural[i]);
            left -= natural[i];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::column_widths;
    use crate::impact::export::pdf::wrap::test_units as units;

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        let widths = column_widths(&[vec!["学员", "张三丰"], vec!["得分", "87.5"]], 100.0, 4.0, units);
        assert_eq!(widths, [10.0, 8.0]);
    }

    #[test]
    fn a_wide_table_shrinks_to_the_page_and_keeps_every_word_whole() {
        let columns = [vec!["完成两次测验人数", "20"], vec!["个人增益均值", "0.35"], vec!["班级增益 g", "0.41"]];
        // Natural: 20, 16 and 14 (with 4 of padding); least: 6, 8 and 8.
        let widths = column_widths(&columns, 30.0, 4.0, units);
        assert!(widths.iter().sum::<f32>() <= 30.0 + 1e-4, "{widths:?}");
        for (w, least) in widths.iter().zip([6.0, 8.0, 8.0]) {
            assert!(*w >= least, "{widths:?}");
        }
        // The longest header gets the most of what is left.
        assert!(widths[0] > widths[2], "{widths:?}");
    }

    #[test]
    fn short_columns_keep_their_width_while_a_long_text_column_wraps() {
        let question = "课程内容与我目前或将要从事的社群运营工作密切相关。";
        let columns = [vec!["题目", question], vec!["量表", "5.0"], vec!["回答人数", "14"]];
        let widths = column_widths(&columns, 40.0, 4.0, units);
        // "量表" and "回答人数" stay on one line (8 and 12 wide with padding).
        assert_eq!(&widths[1..], [8.0, 12.0]);
        assert_eq!(widths[0], 20.0);
    }

    #[test]
    fn a_table_too_narrow_for_its_words_still_fits() {
        let widths = column_widths(&[vec!["Supercalifragilistic"], vec!["expialidocious"]], 20.0, 2.0, units);
        assert!((widths.iter().sum::<f32>() - 20.0).abs() < 1e-4, "{widths:?}");
    }
}
