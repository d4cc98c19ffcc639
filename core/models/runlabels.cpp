#include "models/runlabels.h"

#include "data/timingdataset.h"

#include <QFileInfo>

namespace te {

namespace {

QString baseLabel(const TimingDataset& data, std::uint32_t run)
{
    QString id = data.fieldValue(run, TimingDataset::RegistrationId);
    if (id.isEmpty())
        id = QObject::tr("line %1").arg(data.line(run));
    const QString model = data.fieldValue(run, TimingDataset::Model);
    return model.isEmpty() ? id : id + QStringLiteral(" · ") + model;
}

} // namespace

QStringList runLabels(const TimingDataset& data, const std::vector<std::uint32_t>& runs)
{
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    QStringList base;
    for (const std::uint32_t run : runs)
        base << baseLabel(data, run);
    QStringList labels;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const std::uint32_t id = ids.code(runs[i]);
        const QString source = data.fieldValue(runs[i], TimingDataset::Source);
        bool otherFile = false;
        for (const std::uint32_t other : runs)
            otherFile = otherFile
                || (id != 0 && ids.code(other) == id
                    && data.fieldValue(other, TimingDataset::Source) != source);
        QString label = base[static_cast<qsizetype>(i)];
        if (otherFile)
            label += QStringLiteral(" (%1)").arg(QFileInfo(source).fileName());
        else if (base.count(label) > 1) // the same run twice, or duplicates in one file
            label += QStringLiteral(" (%1)").arg(QObject::tr("line %1").arg(data.line(runs[i])));
        labels << label;
    }
    return labels;
}

} // namespace te
