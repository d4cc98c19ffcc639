#pragma once

#include <QRegularExpression>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// One filter expression, as typed after `--filter` or in the GUI's advanced field:
///   FIELD=VALUE   FIELD!=VALUE   FIELD~REGEX     (metadata, exact or regex match)
///   METRIC>N  METRIC<N  METRIC>=N  METRIC<=N      (seconds; "500ms", "2min" accepted)
///   timestamp>=2025-01-14                         (ISO 8601 comparisons)
/// A run without a value for a metric never matches a comparison on it.
class RunFilter
{
public:
    /// Parses `expression` against the dataset's fields and metrics. On failure
    /// returns nullopt with `error` naming the fields or metrics that exist.
    static std::optional<RunFilter> parse(
        const QString& expression, const TimingDataset& data, QString* error);

    /// The field or metric an expression names ("model" in "model=x"); empty when
    /// the expression has no operator. Lets a loader keep what filters need.
    static QString referencedName(const QString& expression);

    bool matches(const TimingDataset& data, std::uint32_t run) const;
    const QString& expression() const { return m_expression; }

private:
    enum class Op
    {
        Equal,
        NotEqual,
        Regex,
        Less,
        LessEqual,
        Greater,
        GreaterEqual
    };
    enum class Target
    {
        Field,
        Metric,
        Timestamp
    };
    struct Operator
    {
        QStringView text;
        Op op;
    };
    static const Operator* findOperator(const QString& expression, qsizetype& at);

    QString m_expression;
    Target m_target = Target::Field;
    Op m_op = Op::Equal;
    int m_id = -1; ///< field or metric id
    double m_number = 0; ///< seconds, or ms since the epoch for timestamps
    std::shared_ptr<const std::vector<bool>> m_matchingCodes; ///< field filters, by dictionary code
};

/// Runs matching every filter (AND), in dataset order.
std::vector<std::uint32_t> filterRuns(const TimingDataset& data, const std::vector<RunFilter>& filters);

/// Parses "12.5", "12.5s", "500ms", "2min", "1h" as seconds.
std::optional<double> parseDurationSeconds(QStringView text);

} // namespace te
