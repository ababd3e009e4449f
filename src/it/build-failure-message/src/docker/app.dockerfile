FROM dock-it/busybox:1
RUN echo preparing
RUN echo "about to fail (build-failure-message)" && exit 3
