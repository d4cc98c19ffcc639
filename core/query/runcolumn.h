#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class GroupReference;
class TimingDataset;

/// A column of the runs table: a metadata field, a timing node, the run's total
/// over its group's median, or its line in its file.
struct RunColumn
{
    enum class Kind
    {
        Field,
        Metric,
        RatioToMedian,
        Line
    };
    Kind kind = Kind::Field;
    QString key; ///< the field name or metric path; stable across datasets (persisted)

    bool operator==(const RunColumn&) const = default;

    /// "field:model", "metric:phase1", "ratio", "line": what the settings store.
    QString id() const;
    static RunColumn fromId(const QString& id);
};

/// A column resolved against one dataset: the field or metric id (-1: absent).
struct ResolvedRunColumn
{
    RunColumn column;
    int id = -1;

    static ResolvedRunColumn resolve(const RunColumn& column, const TimingDataset& data);
    /// The number a run shows or sorts by: seconds, ratio, line, or ms since the
    /// epoch for timestamps; NaN for text fields and missing values.
    double numericValue(const TimingDataset& data, const GroupReference* reference, std::uint32_t run) const;
};

/// Sorts `runs` by `column`: numbers numerically, text case-insensitively (each
/// distinct value ranked once), missing values last in either order, ties in file
/// order. Pure: the loader thread sorts a new dataset before the window shows it.
void sortRuns(const TimingDataset& data, const GroupReference* reference, const RunColumn& column,
    bool descending, std::vector<std::uint32_t>& runs);

/// True when the order sortRuns gives by `column` depends on the group reference
/// (the ratio to the median), so that it changes when runs are appended to a group.
bool orderDependsOnReference(const RunColumn& column);

/// What sortRuns(data, reference, column, descending, every run) gives, from
/// `sorted`, that order of the runs below `firstNew`: only the runs from `firstNew`
/// on are sorted, then put in their places. The runs below `firstNew` must be as
/// they were, and the column's order must not depend on the reference.
std::vector<std::uint32_t> sortAppendedRuns(const TimingDataset& data, const GroupReference* reference,
    const RunColumn& column, bool descending, const std::vector<std::uint32_t>& sorted,
    std::uint32_t firstNew);

/// registration_id, model, constellation, timestamp, source, total, each phase,
/// and the ratio to the group median: what a new user sees.
std::vector<RunColumn> defaultRunColumns(const TimingDataset& data);
/// Every column the dataset can show (for the column chooser).
std::vector<RunColumn> availableRunColumns(const TimingDataset& data);

} // namespace te
