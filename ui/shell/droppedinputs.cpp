#include "ui/shell/droppedinputs.h"

#include "util/databaseaddress.h"

#include <QMimeData>
#include <QUrl>

namespace te {

namespace {

/// The database addresses among a drag's URLs and text lines, each once.
QStringList databaseAddressesIn(const QMimeData& mime)
{
    QStringList addresses;
    const auto add = [&](const QString& text) {
        const QString address = text.trimmed();
        if (isDatabaseAddress(address) && !addresses.contains(address))
            addresses << address;
    };
    for (const QUrl& url : mime.urls()) {
        if (!url.isLocalFile())
            add(url.toString(QUrl::FullyEncoded));
    }
    if (mime.hasText()) {
        for (const QString& line : mime.text().split(u'\n'))
            add(line);
    }
    return addresses;
}

} // namespace

DroppedInputs DroppedInputs::from(const QMimeData& mime)
{
    DroppedInputs dropped;
    for (const QUrl& url : mime.urls()) {
        if (url.isLocalFile())
            dropped.inputs << url.toLocalFile();
    }
    for (const QString& address : databaseAddressesIn(mime)) {
        QString error;
        if (const auto parsed = DatabaseAddress::parse(address, &error)) {
            // A drag often carries one address twice, as a URL and as text.
            if (!dropped.inputs.contains(parsed->toString()))
                dropped.inputs << parsed->toString();
        } else
            dropped.refused << error;
    }
    return dropped;
}

bool DroppedInputs::accepts(const QMimeData& mime)
{
    for (const QUrl& url : mime.urls()) {
        if (url.isLocalFile())
            return true;
    }
    return !databaseAddressesIn(mime).isEmpty();
}

} // namespace te
