#include "load/sql/sqlvalues.h"

#include "load/src/recorddraft.h"

#include <QDateTime>
#include <QLocale>
#include <charconv>

namespace te::loader {

SqlNumber sqlNumber(const QVariant& value, double& seconds)
{
    if (value.isNull())
        return SqlNumber::Null;
    switch (value.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
    case QMetaType::Double:
        seconds = value.toDouble();
        return SqlNumber::Number;
    case QMetaType::QString: {
        // A column with no numeric affinity keeps "34.5" as text; it is still a time.
        const std::string text = value.toString().trimmed().toStdString();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        return !text.empty() && error == std::errc() && end == text.data() + text.size()
            ? SqlNumber::Number
            : SqlNumber::NotNumber;
    }
    default:
        return SqlNumber::NotNumber;
    }
}

std::string sqlText(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString();
    // A PostgreSQL timestamp (with time zone) column: ISO 8601, which the loader parses.
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toStdString();
    if (value.metaType().id() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray()).toStdString();
    return value.toString().toStdString();
}

QString quoteSqlIdentifier(const QString& name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

bool acceptSqlNumber(RecordDraft& draft, SqlNumber kind, const QString& column, const QVariant& value)
{
    if (kind == SqlNumber::NotNumber) {
        draft.reject(QStringLiteral("%1 is not a number (\"%2\")")
                         .arg(column, QString::fromStdString(sqlText(value)).left(80)));
    }
    return kind == SqlNumber::Number;
}

void finishSqlRow(PartBuilder& builder, RecordDraft& draft, qint64 line, const QString& where)
{
    if (draft.isRejected()) {
        builder.problem(
            Problem::Severity::Error, line, 0, where + QStringLiteral(": ") + draft.rejectReason());
        return;
    }
    if (!draft.hasTimings()) {
        builder.problem(Problem::Severity::Error, line, 0, where + QStringLiteral(": no timing values"));
        return;
    }
    builder.finishRecord(draft, line, false);
}

} // namespace te::loader
