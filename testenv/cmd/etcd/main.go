// Command etcd runs a single-member etcd for the test control plane, embedded through
// go.etcd.io/etcd/server/v3/embed. It listens on loopback only, without TLS (nothing but the local
// kube-apiserver talks to it), and stops cleanly on SIGTERM or SIGINT.
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
)

func main() {
	dataDir := flag.String("data-dir", "", "directory for the member's data (required)")
	clientPort := flag.Int("client-port", 0, "loopback port for clients (required)")
	peerPort := flag.Int("peer-port", 0, "loopback port for the (unused) peer listener (required)")
	quotaMiB := flag.Int64("quota-backend-mib", 512, "backend size quota in MiB")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()
	if *dataDir == "" || *clientPort == 0 || *peerPort == 0 {
		fmt.Fprintln(os.Stderr, "etcd: --data-dir, --client-port and --peer-port are required")
		os.Exit(2)
	}

	cfg := embed.NewConfig()
	cfg.Name = "capstan-testenv"
	cfg.Dir = *dataDir
	cfg.LogLevel = *logLevel
	client := loopbackURL(*clientPort)
	peer := loopbackURL(*peerPort)
	cfg.ListenClientUrls = []url.URL{client}
	cfg.AdvertiseClientUrls = []url.URL{client}
	cfg.ListenPeerUrls = []url.URL{peer}
	cfg.AdvertisePeerUrls = []url.URL{peer}
	cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)
	cfg.QuotaBackendBytes = *quotaMiB * 1024 * 1024
	// Test data is disposable: skip fsync so a test run is not bound by disk latency, and compact
	// often so a long run does not grow the database.
	cfg.UnsafeNoFsync = true
	cfg.AutoCompactionMode = embed.CompactorModePeriodic
	cfg.AutoCompactionRetention = "5m"
	cfg.SnapshotCount = 10000

	server, err := embed.StartEtcd(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "etcd: start failed: %v\n", err)
		os.Exit(1)
	}
	select {
	case <-server.Server.ReadyNotify():
		fmt.Fprintf(os.Stderr, "etcd: ready on %s\n", client.String())
	case <-time.After(60 * time.Second):
		server.Close()
		fmt.Fprintln(os.Stderr, "etcd: not ready after 60s")
		os.Exit(1)
	}

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	select {
	case sig := <-signals:
		fmt.Fprintf(os.Stderr, "etcd: %s, stopping\n", sig)
		server.Close()
	case err := <-server.Err():
		fmt.Fprintf(os.Stderr, "etcd: stopped with error: %v\n", err)
		server.Close()
		os.Exit(1)
	}
}

func loopbackURL(port int) url.URL {
	return url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", port)}
}
