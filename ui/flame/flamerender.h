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

/// Paints `graphs` one above the other, on one scale (the largest root spans the
/// width), as the window draws them, in its light palette: what `chart --kind
/// flame -o OUT.png|OUT.svg` writes. The height is what the graphs need, at most
/// `size`'s height, which clips what does not fit.
bool renderFlamePictures(const std::vector<FlamePicture>& graphs, QIODevice& device, PictureFormat format,
    QSize size, QString* error);

} // namespace te
