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
    }
    return {};
}

std::optional<BundledSample> bundledSampleAt(const QString& path)
{
    for (const BundledSample sample : { BundledSample::Pipeline, BundledSample::Paired }) {
        if (path == bundledSamplePath(sample))
            return sample;
    }
    return std::nullopt;
}

QString bundledSampleName(BundledSample sample)
{
    return sample == BundledSample::Paired ? QCoreApplication::translate("BundledSample", "Paired sample")
                                           : QCoreApplication::translate("BundledSample", "Bundled sample");
}

} // namespace te
