// SPDX-License-Identifier: Apache-2.0
// Documentation in the detail pane is someone else's text: showing it loads nothing it names
// (no remote image, no local file), and a link out of the catalog opens only when clicked and
// confirmed, after the whole target was shown.
#include <QApplication>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QImage>
#include <QPixmap>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include "apptestsupport.h"
#include "detailview.h"

namespace tributary::ui {
namespace {

// Receives what QDesktopServices::openUrl would hand the browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

ResourceDetail featureDescribedAs(const std::string &markdown)
{
    ResourceDetail detail;
    detail.stored.resource.ref = Ref{ResourceKind::Feature, "hostile", "v1"};
    detail.stored.resource.meta.description = markdown;
    return detail;
}

TEST(DetailViewSafety, LoadsNoImageTheDocumentationNames)
{
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("secret.png"));
    QImage(4, 4, QImage::Format_RGB32).save(image);
    const QUrl local = QUrl::fromLocalFile(image);
    // A server that counts who asks for its pixel: an image URL in docs is a read receipt.
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    const QString remote = QStringLiteral("http://127.0.0.1:%1/pixel.png").arg(server.serverPort());

    DetailView view;
    view.resize(600, 400);
    view.show();
    view.showDetail(featureDescribedAs("Local ![a](" + local.toString().toStdString() + ")\n\n"
        "Remote ![b](" + remote.toStdString() + ")\n\n<img src=\"" + remote.toStdString()
        + "\">\n"));
    QTest::qWait(300);
    EXPECT_FALSE(server.hasPendingConnections()) << "the remote image was requested";
    // The 4 x 4 picture read from the file, or the 1 x 1 blank that stands in for it.
    const auto sizeOf = [](const QVariant &resource) {
        switch (resource.typeId()) {
        case QMetaType::QImage: return resource.value<QImage>().size();
        case QMetaType::QPixmap: return resource.value<QPixmap>().size();
        default: return QImage::fromData(resource.toByteArray()).size();
        }
    };
    EXPECT_EQ(sizeOf(view.document()->resource(QTextDocument::ImageResource, local)), QSize(1, 1))
        << "the local file was read";
    // A plain QTextBrowser reads that file: the check above can tell the difference.
    QTextBrowser plain;
    const QVariant read = plain.document()->resource(QTextDocument::ImageResource, local);
    EXPECT_EQ(sizeOf(read), QSize(4, 4)) << read.typeName();
    EXPECT_TRUE(view.toPlainText().contains(QStringLiteral("Local"))); // the text itself is shown
}

TEST(DetailViewSafety, OpensAnExternalLinkOnlyAfterShowingItsTarget)
{
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &browser, "open");
    DetailView view;
    view.showDetail(featureDescribedAs("[docs](https://example.com/a?b=c) [x](javascript:alert(1))"
                                       " [f](file:///etc/passwd)"));
    QList<QUrl> asked;
    bool answer = false;
    view.setExternalLinkConfirmation([&](QWidget *, const QUrl &target) {
        asked << target;
        return answer;
    });
    const QUrl https(QStringLiteral("https://example.com/a?b=c"));

    Q_EMIT view.anchorClicked(https); // declined: nothing opens
    EXPECT_EQ(asked, QList<QUrl>{https});
    EXPECT_TRUE(browser.opened.isEmpty());

    answer = true; // accepted: the browser gets exactly that target
    Q_EMIT view.anchorClicked(https);
    EXPECT_EQ(browser.opened, QList<QUrl>{https});

    // Neither a script nor a local file is ever followed, asked about or not.
    Q_EMIT view.anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    Q_EMIT view.anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    EXPECT_EQ(asked.size(), 2);
    EXPECT_EQ(browser.opened.size(), 1);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

TEST(DetailViewSafety, TheQuestionShowsTheWholeTarget)
{
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    DetailView view; // with its own confirmation, a message box
    view.show();
    // Link text can say anything; the question shows where the link really goes.
    const QUrl target(QStringLiteral("https://tracker.example.net/collect?id=42&u=ana"));
    view.showDetail(featureDescribedAs("[the bank's docs](" + target.toString().toStdString() + ")"));
    QString shownTarget;
    QTimer::singleShot(100, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr) << "no question was asked";
        shownTarget = box->informativeText();
        EXPECT_EQ(box->defaultButton(), box->button(QMessageBox::Cancel));
        testing::screenshot(*box, "open-link-question");
        box->button(QMessageBox::Cancel)->click();
    });
    Q_EMIT view.anchorClicked(target);
    EXPECT_EQ(shownTarget, target.toDisplayString());
    EXPECT_TRUE(browser.opened.isEmpty()) << "cancelled, yet opened";
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

} // namespace
} // namespace tributary::ui

#include "linksafetytests.moc"
