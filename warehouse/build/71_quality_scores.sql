-- Data quality, 2 of 3: modified z-scores and IQR fences of the points in int_quality_points (70_quality_points.sql),
-- per check and group. Golden values: QualityScoresTest.
--
-- Modified z-score (Iglewicz and Hoaglin): M = 0.6745 (x - median) / MAD, MAD the median of |x - median|; an
-- outlier when |M| > threshold. When MAD is 0 (more than half the values equal) the mean absolute deviation
-- stands in: M = (x - median) / (1.253314 × MeanAD); when that is 0 too every value equals the median and M = 0.
-- The expected range is the values whose |M| is at most the threshold.
-- IQR fences (Tukey): outside [Q1 - k·IQR, Q3 + k·IQR], the quartiles interpolated (quantile_cont).
-- A group with fewer than min_points values is not judged: "not enough history" (or "not enough siblings").

create temp table int_quality_stats as
with centre as (
    select check_name, grp, count(*) as n, median(value) as med,
           quantile_cont(value, 0.25) as q1, quantile_cont(value, 0.75) as q3
    from int_quality_points
    group by all
),
spread as (
    select p.check_name, p.grp, median(abs(p.value - c.med)) as mad, avg(abs(p.value - c.med)) as mean_ad
    from int_quality_points p
    join centre c on c.check_name = p.check_name and c.grp = p.grp
    group by all
),
final as (
    select c.*, s.mad, s.mean_ad
    from centre c
    join spread s on s.check_name = c.check_name and s.grp = c.grp
)
select * from final;

create table int_quality_scored as
with joined as (
    select p.*, s.n, s.med, s.q1, s.q3, s.mad, s.mean_ad, c.method, c.across, c.threshold, c.iqr_k, c.min_points,
           case when s.mad > 0 then s.mad / 0.6745
                when s.mean_ad > 0 then 1.253314 * s.mean_ad
                else 0 end as scale
    from int_quality_points p
    join int_quality_stats s on s.check_name = p.check_name and s.grp = p.grp
    join cfg_quality_checks c on c.check_name = p.check_name
),
scored as (
    select *,
           case when n < min_points then null
                when method = 'modified_zscore' then round(case when scale > 0 then (value - med) / scale else 0 end, 4)
           end as score,
           case when n < min_points then null
                when method = 'modified_zscore' then med - threshold * scale
                else q1 - iqr_k * (q3 - q1) end as expected_low,
           case when n < min_points then null
                when method = 'modified_zscore' then med + threshold * scale
                else q3 + iqr_k * (q3 - q1) end as expected_high
    from joined
),
final as (
    select check_name, dataset, measure, unit_code, period, value, grp, n, min_points, method, across, med, mad, q1, q3,
           score, expected_low, expected_high,
           case when n < min_points then 'not enough ' || across
                when method = 'modified_zscore' and abs(score) > threshold then 'outlier'
                when method = 'iqr' and (value < expected_low or value > expected_high) then 'outlier'
                else 'ok' end as verdict
    from scored
)
select * from final;
