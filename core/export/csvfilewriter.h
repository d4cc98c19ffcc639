#pragma once

#include "export/csvexport.h"
#include "export/safewrite.h"

#include <QString>
#include <QStringList>

namespace te {

/// Writes `exporter`'s file to `path` through writeSafely: atomically for a regular
/// file, in place for a device, never over one of `protectedInputs` (the loaded
/// files). False with `error` naming the file and the reason, "cancelled" among
/// them when `progress` returned false.
bool writeCsvFile(const QString& path, const CsvExporter& exporter, const QStringList& protectedInputs,
    QString* error, const CsvProgress& progress = {});

} // namespace te
