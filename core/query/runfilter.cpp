#include "query/runfilter.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "util/timestampparser.h"

#include <array>

namespace te {

std::optional<double> parseDurationSeconds(QStringView text)
{
    text = text.trimmed();
    struct Unit
    {
        QStringView suffix;
        double seconds;
    };
    // Longest suffixes first, so "ms" is not read as "s".
    static const std::array<Unit, 6> units { { { u"ms", 0.001 }, { u"min", 60.0 }, { u"s", 1.0 },
        { u"m", 60.0 }, { u"h", 3600.0 }, { u"", 1.0 } } };
    for (const Unit& unit : units) {
        if (!text.endsWith(unit.suffix))
            continue;
        bool ok = false;
        const double value = text.chopped(unit.suffix.size()).trimmed().toDouble(&ok);
        if (ok)
            return value * unit.seconds;
    }
    return std::nullopt;
}

const RunFilter::Operator* RunFilter::findOperator(const QString& expression, qsizetype& at)
{
    static const std::array<Operator, 7> operators { { { u"!=", Op::NotEqual }, { u">=", Op::GreaterEqual },
        { u"<=", Op::LessEqual }, { u"=", Op::Equal }, { u"~", Op::Regex }, { u">", Op::Greater },
        { u"<", Op::Less } } };
    // The operator is the earliest one in the text; at the same place the longer wins.
    at = -1;
    const Operator* found = nullptr;
    for (const Operator& candidate : operators) {
        const qsizetype position = expression.indexOf(candidate.text);
        if (position > 0 && (at < 0 || position < at)) {
            at = position;
            found = &candidate;
        }
    }
    return found;
}

QString RunFilter::referencedName(const QString& expression)
{
    qsizetype at = -1;
    return findOperator(expression, at) ? expression.left(at).trimmed() : QString();
}

std::optional<RunFilter> RunFilter::parse(
    const QString& expression, const TimingDataset& data, QString* error)
{
    const auto fail = [&](const QString& message) -> std::optional<RunFilter> {
        if (error)
            *error = QStringLiteral("filter \"%1\": %2").arg(expression, message);
        return std::nullopt;
    };
    qsizetype at = -1;
    const Operator* found = findOperator(expression, at);
    if (!found)
        return fail(
            QStringLiteral("expected FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX or METRIC>N (also <, >=, <=)"));

    RunFilter filter;
    filter.m_expression = expression;
    filter.m_op = found->op;
    const QString name = expression.left(at).trimmed();
    const QString value = expression.mid(at + found->text.size()).trimmed();
    const bool isComparison = found->op != Op::Regex && found->op != Op::Equal && found->op != Op::NotEqual;

    if (name == QStringLiteral("timestamp") && found->op != Op::Regex) {
        const QByteArray utf8 = value.toUtf8();
        const auto ms = parseTimestamp({ utf8.constData(), static_cast<std::size_t>(utf8.size()) });
        if (!ms)
            return fail(QStringLiteral("\"%1\" is not an ISO 8601 date or time").arg(value));
        filter.m_target = Target::Timestamp;
        filter.m_number = static_cast<double>(*ms);
        return filter;
    }

    QString metricError;
    if (const auto metric = resolveMetrics(data, { name }, &metricError)) {
        if (found->op == Op::Regex)
            return fail(
                QStringLiteral("\"%1\" is a metric; compare it with <, >, <=, >=, = or !=").arg(name));
        const auto seconds = parseDurationSeconds(value);
        if (!seconds)
            return fail(QStringLiteral("\"%1\" is not a duration (examples: 12.5, 500ms, 2min)").arg(value));
        filter.m_target = Target::Metric;
        filter.m_id = metric->front();
        filter.m_number = *seconds;
        return filter;
    }

    const int field = data.fieldId(name);
    if (field < 0) {
        return fail(QStringLiteral("unknown field or metric \"%1\"; the fields are: %2; the metrics are: %3")
                        .arg(name, data.fieldNames().join(QStringLiteral(", ")),
                            data.metricPaths().join(QStringLiteral(", "))));
    }
    if (isComparison)
        return fail(QStringLiteral("\"%1\" is a text field; use =, != or ~").arg(name));
    filter.m_target = Target::Field;
    filter.m_id = field;
    const FieldColumn& column = data.field(field);
    auto matching = std::make_shared<std::vector<bool>>(column.dictionary().size(), false);
    if (found->op == Op::Regex) {
        const QRegularExpression regex(value);
        if (!regex.isValid())
            return fail(QStringLiteral("invalid regular expression: %1").arg(regex.errorString()));
        for (std::size_t code = 0; code < matching->size(); ++code)
            (*matching)[code] = regex.match(column.text(static_cast<std::uint32_t>(code))).hasMatch();
    } else {
        const QByteArray utf8 = value.toUtf8();
        const std::uint32_t code = column.codeOf({ utf8.constData(), static_cast<std::size_t>(utf8.size()) });
        if (code != 0 || value.isEmpty())
            (*matching)[code] = true;
        if (found->op == Op::NotEqual)
            matching->flip();
    }
    filter.m_op = Op::Equal; // the code table already says which values match
    filter.m_matchingCodes = std::move(matching);
    return filter;
}

bool RunFilter::matches(const TimingDataset& data, std::uint32_t run) const
{
    double actual = 0;
    switch (m_target) {
    case Target::Field: {
        const std::uint32_t code = data.field(m_id).code(run);
        return code < m_matchingCodes->size() && (*m_matchingCodes)[code];
    }
    case Target::Metric:
        actual = data.value(run, m_id);
        if (actual != actual)
            return false;
        break;
    case Target::Timestamp: {
        const qint64 ms = data.timestampMs(run);
        if (ms == TimingDataset::kNoTimestamp)
            return false;
        actual = static_cast<double>(ms);
        break;
    }
    }
    switch (m_op) {
    case Op::Equal:
        return actual == m_number;
    case Op::NotEqual:
        return actual != m_number;
    case Op::Less:
        return actual < m_number;
    case Op::LessEqual:
        return actual <= m_number;
    case Op::Greater:
        return actual > m_number;
    case Op::GreaterEqual:
        return actual >= m_number;
    case Op::Regex:
        break;
    }
    return false;
}

std::vector<std::uint32_t> filterRuns(const TimingDataset& data, const std::vector<RunFilter>& filters)
{
    std::vector<std::uint32_t> runs;
    runs.reserve(data.runCount());
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        bool keep = true;
        for (const RunFilter& filter : filters) {
            if (!filter.matches(data, run)) {
                keep = false;
                break;
            }
        }
        if (keep)
            runs.push_back(run);
    }
    return runs;
}

} // namespace te
