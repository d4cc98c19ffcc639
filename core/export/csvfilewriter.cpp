#include "export/csvfilewriter.h"

namespace te {

bool writeCsvFile(const QString& path, const CsvExporter& exporter, const QStringList& protectedInputs,
    QString* error, const CsvProgress& progress)
{
    return writeSafely(
        path, protectedInputs,
        [&](QIODevice& device, QString* reason) { return exporter.write(device, progress, reason); }, error);
}

} // namespace te
