# La Smala dashboard: one app server (a replica). Build: docker build -t smala-dashboard .
# Run: docker run -p 8501:8501 smala-dashboard (the shipped demo data), or with SMALA_DATA_DIR set
# to s3://bucket/prefix and the AWS_* variables for a shared store (README, "Deployment").
# Secrets never go into the image: .dockerignore leaves .streamlit/secrets.toml and smala.toml out;
# mount them, or pass the AWS_* variables, when the container starts.
FROM python:3.11-slim

# Debian's Chromium and a font: the board pack's PDF is printed by the system's Chromium.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# The pinned runtime requirements first: this layer is rebuilt only when they change.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY .streamlit/config.toml .streamlit/config.toml
COPY app.py smala.example.toml secrets.example.toml ./
COPY analytics analytics
COPY smala_ui smala_ui
COPY pages pages
COPY data data

# Not root; the demo data folder is the app user's, since the audit trail is written beside it.
RUN useradd --create-home --uid 10001 smala && chown -R smala /app/data
USER smala

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"
CMD ["streamlit", "run", "app.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]
