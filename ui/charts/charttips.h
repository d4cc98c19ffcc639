#pragma once

#include <QString>
#include <cstdint>

namespace te {

struct ChartData;
class TimingDataset;

/// What hovering a mark of a chart says: plain text, one fact a line, every
/// duration of a tip in one unit. Empty when the index is out of range.
namespace charttips {

/// A box: the group, n, the quartiles, the whiskers, min and max.
QString boxTip(const ChartData& chart, int group);
/// A bar (or a log scale's point): the statistic with its 95 % CI, and n.
QString statisticTip(const ChartData& chart, int group);
/// A stacked part: its mean seconds and its share of the group's parts.
QString partTip(const ChartData& chart, int group, int part);
/// A histogram bin: its range, and the count of every group in it.
QString binTip(const ChartData& chart, int bin);
/// One run: its registration, group, value and, when it has one, its time.
QString runTip(const TimingDataset& data, const ChartData& chart, int group, std::uint32_t run);
/// An ECDF at `seconds` on `group`'s line: the share of its runs at or below.
QString ecdfTip(const ChartData& chart, int group, double seconds);
/// A paired chart's registration: its value in every group, and the ratio.
QString pairTip(const ChartData& chart, int pair);

} // namespace charttips
} // namespace te
