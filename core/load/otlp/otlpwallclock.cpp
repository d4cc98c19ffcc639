#include "load/otlp/otlpwallclock.h"

#include <algorithm>

namespace te::loader::otlp {

namespace {
void sortByBegin(std::vector<Interval>& intervals)
{
    std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
}
} // namespace

bool anyOverlap(std::vector<Interval> intervals)
{
    sortByBegin(intervals);
    qint64 latestEnd = 0;
    for (std::size_t i = 0; i < intervals.size(); ++i) {
        if (i > 0 && intervals[i].begin < latestEnd)
            return true;
        latestEnd = i == 0 ? intervals[i].end : std::max(latestEnd, intervals[i].end);
    }
    return false;
}

qint64 uncoveredNanos(Interval whole, std::vector<Interval> intervals)
{
    sortByBegin(intervals);
    qint64 covered = 0;
    qint64 reached = whole.begin; // everything before it is counted
    for (const Interval& interval : intervals) {
        const qint64 begin = std::max(interval.begin, reached);
        const qint64 end = std::min(interval.end, whole.end);
        if (end > begin) {
            covered += end - begin;
            reached = end;
        }
    }
    return whole.end - whole.begin - covered;
}

} // namespace te::loader::otlp
