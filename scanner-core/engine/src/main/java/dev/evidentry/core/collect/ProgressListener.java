package dev.evidentry.core.collect;

/** Hears how collection advances, for a progress display. Called from many threads. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void planned(String provider, int units) {
        }

        @Override
        public void done(String provider, String what) {
        }
    };

    void planned(String provider, int units);

    void done(String provider, String what);
}
