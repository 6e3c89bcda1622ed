# The text report of the Lindenfeld series (reviewed by eye): versions in
# order with the day each stopped being in force, one row per rule that
# failed somewhere, the late windows in words, the record of updates.
run: history --as-of 2026-12-01 samples/history/lindenfeld-cps-v1.0.html samples/history/lindenfeld-cps-v1.1.html samples/history/lindenfeld-cps-v1.2.html samples/history/lindenfeld-cps-v2.0.html samples/history/lindenfeld-cps-v2.1.html samples/history/lindenfeld-cps-v2.2.html samples/history/lindenfeld-cps-v3.0.html samples/history/lindenfeld-cps-v3.1.html samples/history/lindenfeld-cps-v3.2.html samples/history/lindenfeld-cps-v3.3.html samples/history/lindenfeld-cps-v3.4.html samples/history/lindenfeld-cps-v4.0.html
exit: 1
stdout:
cpslint history: 12 versions, the newest in force until 2026-12-01

  #  version    date                   in force to source
  1  1.0        2017-03-01             2018-02-18  samples/history/lindenfeld-cps-v1.0.html
  2  1.1        2018-02-19             2018-11-25  samples/history/lindenfeld-cps-v1.1.html
  3  1.2        2018-11-26             2019-08-04  samples/history/lindenfeld-cps-v1.2.html
  4  2.0        2019-08-05             2020-07-13  samples/history/lindenfeld-cps-v2.0.html
  5  2.1        2020-07-14             2020-11-29  samples/history/lindenfeld-cps-v2.1.html
  6  2.2        2020-11-30             2022-01-31  samples/history/lindenfeld-cps-v2.2.html
  7  3.0        2022-02-01             2023-01-15  samples/history/lindenfeld-cps-v3.0.html
  8  3.1        2023-01-16             2024-01-07  samples/history/lindenfeld-cps-v3.1.html
  9  3.2        2024-01-08             2024-12-15  samples/history/lindenfeld-cps-v3.2.html
 10  3.3        2024-12-16             2025-11-23  samples/history/lindenfeld-cps-v3.3.html
 11  3.4        2025-11-24             2026-10-14  samples/history/lindenfeld-cps-v3.4.html
 12  4.0        2026-10-15             2026-12-01  samples/history/lindenfeld-cps-v4.0.html

rule                       123456789012 now
br.3.2.2.4.1.retired       -uX.........  .
br.3.2.2.4.6.retired       ----X.......  .
br.4.9.3.problem-reporting --X.........  .
(3 rules shown; 93 more passed or did not apply in every version. Each column is a version as of its own date, 'now' the newest as of 2026-12-01. X fail, u upcoming, . pass, - n/a or not effective, E error, ? unreadable)

late windows: 3
  br.3.2.2.4.1.retired [error]: failed by 1.1 (2018-02-19), 1.2 (2018-11-26) while in force from 2018-08-01 (its effective date); passed again in 2.0 of 2019-08-05: 369 days late
  br.3.2.2.4.6.retired [error]: failed by 2.0 (2019-08-05), 2.1 (2020-07-14) while in force from 2020-06-04 (its effective date); passed again in 2.2 of 2020-11-30: 179 days late
  br.4.9.3.problem-reporting [error]: failed by 1.1 (2018-02-19), 1.2 (2018-11-26) while in force from 2018-10-14 (its effective date); passed again in 2.0 of 2019-08-05: 295 days late

record of updates:
  gap: 428 days between 2.2 (2020-11-30) and 3.0 (2022-02-01): more than 365
