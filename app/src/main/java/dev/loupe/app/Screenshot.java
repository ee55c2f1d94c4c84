package dev.loupe.app;

import dev.loupe.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** A PNG of the window's scene, as the user sees it; written to a temporary file, then renamed. */
final class Screenshot {
    private Screenshot() {}

    static void save(Scene scene, Path png) throws IOException {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path target = png.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, stream -> {
            if (!ImageIO.write(out, "png", stream)) {
                throw new IOException("no PNG writer in this JDK");
            }
        });
    }
}
