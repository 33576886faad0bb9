// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>
#include <QTimer>

#include "tributary/lineage/lineagegraph.h"

namespace tributary::ui {

class LineageScene;
class LineageNodeItem;
class Minimap;

// The lineage graph on screen: zoom (wheel, +/-), pan (drag the background, or the minimap),
// fit (F or 0), and the keyboard: arrows move between nodes (left upstream, right downstream,
// up and down within a layer), Enter opens, + and - beside a node's side expand and fold.
class LineageView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit LineageView(LineageScene *scene, QWidget *parent = nullptr);

    void fit();
    void zoomBy(double factor);
    double zoom() const;
    // Selects a node and brings it into view.
    void selectNode(NodeId node);
    LineageNodeItem *currentNode() const;
    Minimap &minimap() { return *m_minimap; }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // The shown node nearest `from` in a direction: a neighbour left or right, or the next in
    // its layer up or down.
    LineageNodeItem *step(LineageNodeItem *from, int key) const;
    void placeMinimap();
    // The view is moving: draw fast now, smoothed once it has been still for a moment.
    void moved();
    void updateMinimap();

    LineageScene *m_scene;
    Minimap *m_minimap;
    QTimer *m_settle;
};

} // namespace tributary::ui
