#pragma once

#include "ui/flame/flamegraphdata.h"
#include "ui/widgets/picturewriter.h"

#include <QString>
#include <vector>

class QIODevice;

namespace te {

/// One graph of a picture, with the title drawn above it.
struct FlamePicture
{
    QString title;
    FlameGraphData data;
};

/// What a group's graph is titled, here and in the window: "openai_gpt4o (n=10):
/// 21.9 s, mean of 10 runs", or "…: medians, parts need not add up".
QString flameGroupTitle(const QString& label, std::int64_t n, double rootSeconds, bool medians);

/// Paints `graphs` one above the other, on one scale (the largest root spans the
/// width), as the window draws them, in its light palette: what `chart --kind
/// flame -o OUT.png|OUT.svg` writes. The height is what the graphs need, at most
/// `size`'s height, which clips what does not fit.
bool renderFlamePictures(const std::vector<FlamePicture>& graphs, QIODevice& device, PictureFormat format,
    QSize size, QString* error);

} // namespace te
