#include "databaseaddress.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace te {

namespace {

const QString kScheme = QStringLiteral("postgresql://");
const QString kShortScheme = QStringLiteral("postgres://");

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// A URL with its password (if any) dropped, via QUrl when it parses.
QString redacted(const QString& text)
{
    QUrl url(text, QUrl::StrictMode);
    if (url.isValid()) {
        url.setPassword({});
        return url.toString();
    }
    // Unparsable: drop everything between the first ':' after the scheme and '@'.
    const qsizetype start = text.indexOf(QStringLiteral("://"));
    const qsizetype at = text.indexOf(u'@');
    if (start < 0 || at < 0)
        return text;
    const qsizetype colon = text.indexOf(u':', start + 3);
    return colon >= 0 && colon < at ? text.left(colon) + text.mid(at) : text;
}

} // namespace

bool isDatabaseAddress(const QString& text)
{
    return text.startsWith(kScheme, Qt::CaseInsensitive)
        || text.startsWith(kShortScheme, Qt::CaseInsensitive);
}

QString withoutPassword(const QString& text)
{
    return redacted(text);
}

std::optional<DatabaseAddress> DatabaseAddress::parse(const QString& address, QString* error)
{
    const QUrl url(address, QUrl::StrictMode);
    const QString shown = redacted(address);
    if (!isDatabaseAddress(address) || !url.isValid()) {
        fail(error,
            QStringLiteral("%1 is no PostgreSQL address; expected postgresql://USER@HOST[:PORT]/DB")
                .arg(shown));
        return std::nullopt;
    }
    if (!url.password().isEmpty()) {
        fail(error,
            QStringLiteral("%1: the address carries a password, which is refused so that it is never shown "
                           "or remembered; give it through PGPASSWORD, ~/.pgpass or PGPASSFILE instead")
                .arg(shown));
        return std::nullopt;
    }
    DatabaseAddress parsed;
    parsed.user = url.userName();
    parsed.host = url.host();
    parsed.port = url.port(-1);
    parsed.database = url.path().mid(1);
    if (parsed.database.isEmpty() || parsed.database.contains(u'/')) {
        fail(error,
            QStringLiteral("%1 names no database; expected postgresql://USER@HOST[:PORT]/DB").arg(shown));
        return std::nullopt;
    }
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key != u"table") {
            fail(error, QStringLiteral("%1: unknown parameter %2 (the one known: table)").arg(shown, key));
            return std::nullopt;
        }
        parsed.table = value;
    }
    return parsed;
}

QString DatabaseAddress::databaseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host.isEmpty() ? QString() : host);
    url.setPort(port);
    url.setPath(u'/' + database);
    QString text = url.toString();
    // QUrl drops the empty authority ("postgresql:/db"); libpq's form keeps it.
    if (host.isEmpty() && user.isEmpty())
        text = kScheme + u'/' + database;
    return text;
}

QString DatabaseAddress::toString() const
{
    if (table.isEmpty())
        return databaseUrl();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("table"), table);
    return databaseUrl() + u'?' + query.toString(QUrl::FullyEncoded);
}

bool DatabaseAddress::open(QSqlDatabase& database, const QString& connectionName, QString* error) const
{
    if (const QString reason = postgresDriverMissingReason(); !reason.isEmpty())
        return fail(error, reason);
    database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    database.setDatabaseName(this->database);
    database.setUserName(user);
    database.setHostName(host);
    database.setPort(port);
    // A server that does not answer is reported, not waited for.
    database.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=timing-explorer"));
    if (!database.open()) {
        // libpq's own words; Qt's text() only adds "QPSQL: Unable to connect".
        const QSqlError sqlError = database.lastError();
        const QString server = sqlError.databaseText().trimmed();
        return fail(error, server.isEmpty() ? sqlError.text().trimmed() : server);
    }
    // libpq prints the server's notices (a table that exists already) to stderr itself.
    QSqlQuery(database).exec(QStringLiteral("SET client_min_messages TO WARNING"));
    return true;
}

QString inputDisplayName(const QString& path)
{
    return isDatabaseAddress(path) ? withoutPassword(path) : QFileInfo(path).fileName();
}

QString postgresDriverMissingReason()
{
    if (QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return {};
    return QStringLiteral(
        "reading or writing PostgreSQL needs the Qt SQL driver for it, which is not installed "
        "(on Debian: the package libqt6sql6-psql)");
}

} // namespace te
