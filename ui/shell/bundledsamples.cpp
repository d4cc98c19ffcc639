#include "ui/shell/bundledsamples.h"

#include <QCoreApplication>

namespace te {

QString bundledSamplePath(BundledSample sample)
{
    switch (sample) {
    case BundledSample::Pipeline:
        return QStringLiteral(":/sample/timings_sample.jsonl");
    case BundledSample::Paired:
        return QStringLiteral(":/sample/paired_10x3.jsonl");
    case BundledSample::History:
        return QStringLiteral(":/sample/history_12x3.jsonl");
    }
    return {};
}

std::optional<BundledSample> bundledSampleAt(const QString& path)
{
    for (const BundledSample sample :
        { BundledSample::Pipeline, BundledSample::Paired, BundledSample::History }) {
        if (path == bundledSamplePath(sample))
            return sample;
    }
    return std::nullopt;
}

QString bundledSampleName(BundledSample sample)
{
    switch (sample) {
    case BundledSample::Paired:
        return QCoreApplication::translate("BundledSample", "Paired sample");
    case BundledSample::History:
        return QCoreApplication::translate("BundledSample", "History sample");
    case BundledSample::Pipeline:
        break;
    }
    return QCoreApplication::translate("BundledSample", "Bundled sample");
}

} // namespace te
