// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPixmap>
#include <QWidget>

class QGraphicsScene;
class QGraphicsView;

namespace tributary::ui {

// The whole drawing in small, in a corner of the lineage view, with the part on screen framed;
// clicking or dragging in it moves the view there. The drawing is rendered once per change into
// a picture, so panning the main view repaints only the frame (a second live view of a
// 10,000-item scene would repaint every item on every frame).
class Minimap : public QWidget
{
    Q_OBJECT
public:
    Minimap(QGraphicsScene *scene, QGraphicsView *main, QWidget *parent);
    // Renders the drawing again (after it changed, or the minimap was resized).
    void refit();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Scene to minimap coordinates, and back.
    QTransform toMinimap() const;

    QGraphicsScene *m_scene;
    QGraphicsView *m_main;
    QPixmap m_picture;
    QRectF m_source; // the scene rectangle the picture shows
};

} // namespace tributary::ui
