package audit

import (
	"context"
	"runtime"
	"sync"
)

// inOrder checks the items next produces on every core, in chunks, and hands them to consume in the order
// they were produced: the checks of a log's entries (canonical form, hashes, proofs) are independent, while
// the tree they are appended to is sequential. It stops at the first error of next or consume.
func inOrder[T any](ctx context.Context, next func() (T, bool, error), check func(*T), consume func(*T) error) error {
	const chunk = 256
	type job struct {
		items []T
		done  chan struct{}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *job, 2*workers)
	order := make(chan *job, 4*workers)
	var nextErr error
	go func() { // the producer: next is called on this goroutine only
		defer close(jobs)
		defer close(order)
		for {
			j := &job{items: make([]T, 0, chunk), done: make(chan struct{})}
			for len(j.items) < chunk {
				it, ok, err := next()
				if err != nil {
					nextErr = err
					break
				}
				if !ok {
					break
				}
				j.items = append(j.items, it)
			}
			if len(j.items) > 0 {
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
			if nextErr != nil || len(j.items) < chunk {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	defer func() { // on any return: stop the producer and wait for it and the workers
		cancel()
		for range order {
		}
		wg.Wait()
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				for i := range j.items {
					check(&j.items[i])
				}
				close(j.done)
			}
		}()
	}
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		for i := range j.items {
			if err := consume(&j.items[i]); err != nil {
				return err
			}
		}
	}
	return nextErr
}
